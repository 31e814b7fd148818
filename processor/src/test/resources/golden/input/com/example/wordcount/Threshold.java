package com.example.wordcount;

public record Threshold(String word, long limit) {}
