package com.example.wordcount;

public record WordCount(String word, long count) {}
