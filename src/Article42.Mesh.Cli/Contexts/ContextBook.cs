using System.Text.Json.Serialization;

namespace Article42.Mesh.Cli.Contexts;

/// <summary>The contexts file: every context by name, and the one <c>a42 context use</c> made current.</summary>
public sealed record ContextBook
{
    [JsonPropertyName("current")]
    public string? Current { get; init; }

    [JsonPropertyName("contexts")]
    public ImmutableSortedDictionary<string, MeshContext> Contexts { get; init; } = ImmutableSortedDictionary.Create<string, MeshContext>(StringComparer.Ordinal);

    /// <summary>The context called <paramref name="name"/>; an unknown name is refused with the nearest known ones.</summary>
    public MeshContext Get(string name, string file) =>
        Contexts.TryGetValue(name, out var context)
            ? context
            : throw new CliException(CliErrorCodes.UnknownContext, "--context",
                Contexts.IsEmpty
                    ? $"no context '{name}': {file} holds none (a42 context add {name} --gateway HOST:PORT)"
                    : $"no context '{name}'{Usage.Suggestions.Sentence(name, Contexts.Keys)} (a42 context list shows them)");
}
