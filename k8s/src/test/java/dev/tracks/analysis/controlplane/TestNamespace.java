package dev.tracks.analysis.controlplane;

/** The namespace a test method runs in: created before it, deleted after it. */
public record TestNamespace(String name) {
}
