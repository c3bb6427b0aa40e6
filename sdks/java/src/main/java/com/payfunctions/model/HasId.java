package com.payfunctions.model;

/** An object with an id, which is what a list's {@code starting_after} cursor names. */
public interface HasId {
    String getId();
}
