package dev.tracks.analysis.api.console;

/** One line of a result's figures on a page: what, and its value as text. */
public record Fact(String label, String value) {
}
