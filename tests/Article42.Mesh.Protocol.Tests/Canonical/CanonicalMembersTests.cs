namespace Article42.Mesh.Protocol.Tests;

/// <summary>The published member order (schemas/canonical-members.md) is the codec's.</summary>
public sealed class CanonicalMembersTests
{
    private static string File => Path.Combine(VectorFiles.Directory, "..", "canonical-members.md");

    [Fact]
    public void The_published_member_order_is_the_order_the_codec_writes()
    {
        if (VectorFiles.Rewrite)
            System.IO.File.WriteAllText(File, CanonicalMembers.Describe());
        Assert.Equal(CanonicalMembers.Describe(), System.IO.File.ReadAllText(File).ReplaceLineEndings("\n"));
    }
}
