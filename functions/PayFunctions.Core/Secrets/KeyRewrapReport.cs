namespace PayFunctions.Core.Secrets;

/// <summary>What one re-wrap run did, as the operator route answers it.</summary>
/// <param name="Scanned">Sealed values read.</param>
/// <param name="Rewrapped">Values moved to the current KEK version.</param>
/// <param name="AlreadyCurrent">Values already under the current version.</param>
/// <param name="ChangedMeanwhile">Values whose row or blob another writer changed between the read and the write: left as that writer made them.</param>
/// <param name="Failed">Values that did not open (damaged, or under a version no longer readable): left as they are, and logged.</param>
public sealed record KeyRewrapReport(string KeyVersion, long Scanned, long Rewrapped, long AlreadyCurrent, long ChangedMeanwhile, long Failed);
