namespace Article42.Mesh.Protocol;

/// <summary>The treaty clause an invocation rests on: Art. 42(7) TEU, Art. 222 TFEU, or both.</summary>
[JsonConverter(typeof(UpperSnakeEnumConverter<LegalBasis>))]
public enum LegalBasis
{
    // The naming policy would write TEU427 and TFEU222; the catalogue's names keep the article numbers apart.
    /// <summary><c>TEU_42_7</c>: the mutual assistance clause, Art. 42(7) TEU.</summary>
    [JsonStringEnumMemberName("TEU_42_7")] Teu427,
    /// <summary><c>TFEU_222</c>: the solidarity clause, Art. 222 TFEU.</summary>
    [JsonStringEnumMemberName("TFEU_222")] Tfeu222,
    /// <summary><c>BOTH</c>: Art. 42(7) TEU and Art. 222 TFEU together.</summary>
    Both,
}
