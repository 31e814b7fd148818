package com.example.wordcount;

public record Alert(String word, long count, long limit) {}
