using System.Security.Cryptography;

namespace Article42.Mesh.Protocol.Tests;

public sealed class KeyIdTests
{
    [Fact]
    public void A_key_id_is_the_prefix_and_the_first_eight_bytes_of_the_SHA_256_of_the_public_key()
    {
        using var key = ParticipantKeys.Generate();
        var spki = key.ExportSubjectPublicKeyInfo();
        var expected = "k-" + Convert.ToHexStringLower(SHA256.HashData(spki)[..8]);

        Assert.Equal(expected, KeyId.Of(ParticipantKeys.PublicKeyOf(key)));
        Assert.True(KeyId.IsWellFormed(expected));
    }

    [Fact]
    public void Two_keys_have_two_ids()
    {
        using var first = ParticipantKeys.Generate();
        using var second = ParticipantKeys.Generate();

        Assert.NotEqual(KeyId.Of(ParticipantKeys.PublicKeyOf(first)), KeyId.Of(ParticipantKeys.PublicKeyOf(second)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("k-0123456789abcde")]
    [InlineData("k-0123456789abcdef0")]
    [InlineData("k-0123456789ABCDEF")]
    [InlineData("x-0123456789abcdef")]
    [InlineData("k-0123456789abcdeg")]
    public void Malformed_key_ids_are_told_apart(string? text) => Assert.False(KeyId.IsWellFormed(text));
}
