namespace Article42.Mesh.Docs.Tests;

/// <summary>The repository's own documentation: each rule reports every offending file:line in one failure.</summary>
public sealed class RepositoryDocsTests
{
    private static readonly Lazy<DocTree> Tree = new(() => DocTree.Load(DocTree.FindRoot()));

    [Fact]
    public void Every_relative_link_and_anchor_in_the_markdown_files_resolves() =>
        AssertNone(DocChecks.BrokenLinks(Tree.Value), "broken links");

    [Fact]
    public void Every_design_section_citation_names_an_existing_heading() =>
        AssertNone(DocChecks.UnresolvedCitations(Tree.Value), "design citations that do not resolve");

    [Fact]
    public void No_file_cites_a_design_file_by_a_bare_name_outside_the_repository() =>
        AssertNone(DocChecks.BareDesignNames(Tree.Value), "bare design file names");

    [Fact]
    public void The_readme_is_short_and_opens_with_the_two_set_up_commands() =>
        AssertNone(DocChecks.ReadmeShape(Tree.Value.Files["README.md"]), "README problems");

    [Fact]
    public void The_checks_read_the_repository_docs_and_sources() =>
        Assert.True(Tree.Value.MarkdownFiles.Count() > 20 && Tree.Value.Files.Keys.Count(f => f.EndsWith(".cs", StringComparison.Ordinal)) > 100,
            $"only {Tree.Value.Files.Count} files found under {DocTree.FindRoot()}");

    private static void AssertNone(IEnumerable<Offence> offences, string what)
    {
        var all = offences.Select(o => o.ToString()).ToList();
        Assert.True(all.Count == 0, $"{all.Count} {what}:\n{string.Join('\n', all)}");
    }
}
