package com.example.wordcount;

public record Word(String text) {}
