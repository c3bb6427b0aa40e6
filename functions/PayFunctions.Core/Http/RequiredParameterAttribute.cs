namespace PayFunctions.Core.Http;

/// <summary>
/// A request field the endpoint answers <c>parameter_missing</c> without. Request models keep every field nullable so
/// that a missing one gets that clear problem rather than a deserialiser's error; this marks which ones the API
/// description lists as required.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RequiredParameterAttribute : Attribute;
