using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Article42.Mesh.IntegrationTests.Deployment;

/// <summary>
/// deploy/docker: each image restores every project its program references (a project added to the graph but not to
/// the Dockerfile breaks its restore layer), publishes and runs that program as a non-root user; the build context
/// leaves out build output and secrets. (No Docker engine here: the images themselves are not built by the tests.)
/// </summary>
public sealed partial class DockerfileTests
{
    [Theory]
    [InlineData("deploy/docker/Dockerfile.silo", "src/Article42.Mesh.Silo/Article42.Mesh.Silo.csproj", "Article42.Mesh.Silo.dll")]
    [InlineData("deploy/docker/Dockerfile.cli", "src/Article42.Mesh.Cli/Article42.Mesh.Cli.csproj", "a42.dll")]
    public void Image_restores_every_project_its_program_references_and_runs_that_program_unprivileged(string dockerfile, string project, string program)
    {
        var text = RepositoryFile.Read(dockerfile);

        Assert.Equal(References(project).Order(), CopiedProjects().Matches(text).Select(m => m.Groups[1].Value).Order());
        Assert.Contains($"dotnet restore {project}", text, StringComparison.Ordinal);
        Assert.Contains($"dotnet publish {project} -c Release", text, StringComparison.Ordinal);
        Assert.All(new[] { "global.json", "Directory.Build.props", "Directory.Packages.props" }, file =>
        {
            Assert.True(File.Exists(RepositoryFile.PathOf(file)), file);
            Assert.Matches($@"COPY [^\n]*\b{Regex.Escape(file)}\b", text);
        });
        Assert.Equal(["mcr.microsoft.com/dotnet/sdk:10.0", "mcr.microsoft.com/dotnet/aspnet:10.0"], From().Matches(text).Select(m => m.Groups[1].Value));
        var entrypoint = Assert.Single(Regex.Matches(text, @"^ENTRYPOINT (.+)$", RegexOptions.Multiline)).Groups[1].Value;
        Assert.Contains(program, entrypoint, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, program)), $"{program} is not what {project} builds");
        Assert.Equal("$APP_UID", Assert.Single(Regex.Matches(text, @"^USER (.+)$", RegexOptions.Multiline)).Groups[1].Value);
    }

    [Fact]
    public void Silo_image_exposes_the_silos_default_silo_gateway_and_http_ports()
    {
        var exposed = Assert.Single(Regex.Matches(RepositoryFile.Read("deploy/docker/Dockerfile.silo"), @"^EXPOSE (.+)$", RegexOptions.Multiline)).Groups[1].Value.Split(' ');
        Assert.Equal(new[] { MeshDefaults.SiloPort, MeshDefaults.GatewayPort, MeshDefaults.HttpPort }.Select(p => $"{p}").Order(), exposed.Order());
    }

    [Fact]
    public void Build_context_leaves_out_build_output_test_results_key_material_and_env_files()
    {
        var ignored = RepositoryFile.Read(".dockerignore").Split('\n').Select(l => l.Trim()).ToHashSet();
        Assert.Subset(ignored, new HashSet<string> { "**/bin/", "**/obj/", "aar/", ".git", "**/*.pem", "**/*.env" });
    }

    /// <summary>The repository-relative paths of <paramref name="project"/> and every project it references, transitively.</summary>
    private static HashSet<string> References(string project)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var next))
        {
            if (!found.Add(next))
                continue;
            var folder = Path.GetDirectoryName(next)!;
            foreach (var reference in XDocument.Load(RepositoryFile.PathOf(next)).Descendants("ProjectReference"))
                pending.Push(Path.GetRelativePath(RepositoryFile.PathOf(""), Path.GetFullPath(Path.Combine(RepositoryFile.PathOf(folder), reference.Attribute("Include")!.Value))).Replace('\\', '/'));
        }

        return found;
    }

    [GeneratedRegex(@"^COPY (src/\S+\.csproj) ", RegexOptions.Multiline)]
    private static partial Regex CopiedProjects();

    [GeneratedRegex(@"^FROM (?:--platform=\S+ )?(\S+)", RegexOptions.Multiline)]
    private static partial Regex From();
}
