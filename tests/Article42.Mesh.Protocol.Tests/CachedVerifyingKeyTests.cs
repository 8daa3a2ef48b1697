namespace Article42.Mesh.Protocol.Tests;

/// <summary>
/// The registry imports each public key once and lends the instances to concurrent verifies (issue #18): a cached key
/// must never verify one participant's envelope under another's key, whatever the interleaving.
/// </summary>
public sealed class CachedVerifyingKeyTests
{
    [Fact]
    public async Task Concurrent_verifies_through_the_cached_keys_accept_each_senders_own_signature_and_refuse_a_borrowed_one()
    {
        // Signed one at a time (a signing key is one instance), verified all at once.
        var cases = Enumerable.Range(0, 200).Select(i =>
        {
            var from = i % 2 == 0 ? "FR" : "DE";
            var signer = i % 3 == 0 ? (from == "FR" ? "DE" : "FR") : from;
            var envelope = EnvelopeSignatures.Sign(TestData.Valid(MessageKind.Sitrep, from, "PRES"), TestData.KeyOf(signer));
            return (Envelope: envelope, Genuine: signer == from);
        }).ToList();

        var verdicts = await Task.WhenAll(cases.Select(c => Task.Run(() => EnvelopeSignatures.Verify(c.Envelope, TestData.Registry))));

        for (var i = 0; i < cases.Count; i++)
        {
            if (cases[i].Genuine)
                Assert.Null(verdicts[i]);
            else
                Assert.Equal(ErrorCodes.SignatureInvalid, verdicts[i]?.Code);
        }
    }
}
