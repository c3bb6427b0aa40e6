package com.payfunctions.model;

/** An object of a type this version of the SDK has no class for; read it with {@link #get(String)}. */
public final class UntypedObject extends PayFunctionsObject {
}
