package es.civica.content;

/** A learning objective of a unit, e.g. {@code u4-o1}. */
public record Objective(String id, String text) {}
