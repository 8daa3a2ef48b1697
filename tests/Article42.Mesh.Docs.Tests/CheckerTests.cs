namespace Article42.Mesh.Docs.Tests;

/// <summary>The checks themselves, on a small tree in memory, including offences they must find.</summary>
public sealed class CheckerTests
{
    // Built from parts so that the repository scan does not read these samples as citations of its own.
    private static readonly string Design = "docs/" + "design/";
    private static readonly string OldDomain = "DOM" + "AIN.md";

    private static readonly DocTree Sample = DocTree.InMemory(new Dictionary<string, string>
    {
        ["README.md"] = """
            # Sample
            See [concepts](docs/concepts.md#the-wire-contract), [limits](docs/concepts.md#limits-1) and [below](#a42-mesh-up-and-the-silo).
            A [missing page](docs/nowhere.md) and a [missing anchor](docs/concepts.md#no-such-heading).
            ## `a42 mesh up` and the silo
            ```
            [not a link](inside/a/code/block.md)
            ```
            An [external](https://example.org/x#y) link and a [folder](src/).
            """,
        ["docs/concepts.md"] = """
            # Concepts
            ## The wire contract
            ## Limits
            ## Limits
            Back [up](../README.md#sample), per [domain](design/domain.md#85-precedence-and-slos).
            """,
        ["docs/design/domain.md"] = "# Domain\n## 8 The protocol\n### 8.5 Precedence and SLOs\n### 8.5a Reports\n",
        ["src/Code.cs"] = $"""
            /// Rule of {Design}domain.md §8.5 and §8.5a; {Design}domain.md §8.4 is missing;
            /// {Design}nothing.md §1 does not exist; the old {OldDomain} §8.5 is gone.
            """,
    });

    [Theory]
    [InlineData("Limits", "limits")]
    [InlineData("`a42 mesh up` and the silo", "a42-mesh-up-and-the-silo")]
    [InlineData("Silo start-up (`A42-CFG-*`, `A42-RUN-*`)", "silo-start-up-a42-cfg--a42-run-")]
    [InlineData("8.5a Reports and default acknowledgements", "85a-reports-and-default-acknowledgements")]
    [InlineData("Transport security (TLS)", "transport-security-tls")]
    [InlineData("Against the aims, and what costs what", "against-the-aims-and-what-costs-what")]
    [InlineData("Read [the guide](x.md) now", "read-the-guide-now")]
    [InlineData("§8.5 Précédence_x", "85-précédence_x")]
    public void A_heading_slugs_as_on_github(string heading, string slug) =>
        Assert.Equal(slug, Markdown.Slug(heading));

    [Fact]
    public void A_repeated_heading_gets_a_numbered_anchor() =>
        Assert.Equal(["concepts", "limits", "limits-1", "the-wire-contract"],
            Markdown.Anchors(Sample.Files["docs/concepts.md"]).Order(StringComparer.Ordinal));

    [Fact]
    public void The_link_check_finds_a_missing_page_and_a_missing_anchor_and_nothing_else()
    {
        var offences = DocChecks.BrokenLinks(Sample).Select(o => o.ToString()).ToList();
        Assert.Equal(
        [
            "README.md:3: link to 'docs/nowhere.md': no file 'docs/nowhere.md'",
            "README.md:3: link to 'docs/concepts.md#no-such-heading': 'docs/concepts.md' has no heading with anchor '#no-such-heading'",
        ], offences);
    }

    [Fact]
    public void The_citation_check_finds_a_missing_section_and_a_missing_file()
    {
        var offences = DocChecks.UnresolvedCitations(Sample).Select(o => o.ToString()).ToList();
        Assert.Equal(
        [
            $"src/Code.cs:1: cites {Design}domain.md §8.4, but no heading there starts with '8.4'",
            $"src/Code.cs:2: cites '{Design}nothing.md', which does not exist",
        ], offences);
    }

    [Fact]
    public void The_bare_name_check_finds_the_old_design_file_name()
    {
        var offence = Assert.Single(DocChecks.BareDesignNames(Sample));
        Assert.Equal(("src/Code.cs", 2), (offence.Path, offence.Line));
    }

    [Fact]
    public void The_readme_check_wants_the_two_commands_first_and_at_most_250_lines()
    {
        var good = $"# X\n```bash\n{DocChecks.QuickStartCommands[0]}   # a comment\n{DocChecks.QuickStartCommands[1]}\n```\n";
        Assert.Empty(DocChecks.ReadmeShape(good));
        Assert.Single(DocChecks.ReadmeShape(good.Replace("-c Release", "", StringComparison.Ordinal)));
        Assert.Single(DocChecks.ReadmeShape(good + string.Concat(Enumerable.Repeat("line\n", 250))));
    }
}
