namespace Article42.Mesh.Protocol.Tests;

public sealed class UlidTests
{
    [Fact]
    public void A_new_ulid_is_valid_and_carries_its_millisecond_time()
    {
        var id = Ulid.New(TestData.Now);
        Assert.True(Ulid.IsValid(id));
        Assert.Equal(TestData.Now, Ulid.TimeOf(id));
    }

    [Fact]
    public void Ulids_made_in_the_same_millisecond_differ()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => Ulid.New(TestData.Now)).ToHashSet();
        Assert.Equal(1000, ids.Count);
    }

    [Fact]
    public void Injected_randomness_makes_the_ulid_reproducible()
    {
        static void Zeros(Span<byte> bytes) => bytes.Clear();
        Assert.Equal(Ulid.New(TestData.Now, Zeros), Ulid.New(TestData.Now, Zeros));
        Assert.EndsWith("0000000000000000", Ulid.New(TestData.Now, Zeros), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("01JZ000000000000000000000")]
    [InlineData("01JZ00000000000000000000000")]
    [InlineData("01jz0000000000000000000000")]
    [InlineData("81JZ0000000000000000000000")]
    [InlineData("01JZ000000000000000000000U")]
    [InlineData("01JZ000000000000000000000I")]
    public void Malformed_ulids_are_not_valid(string text) => Assert.False(Ulid.IsValid(text));
}
