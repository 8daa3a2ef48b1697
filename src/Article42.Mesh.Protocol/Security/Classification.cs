namespace Article42.Mesh.Protocol;

/// <summary>EUCI levels of Council Decision 2013/488/EU, Art. 2, ranked 0..4 (docs/design/domain.md §4.1).</summary>
[JsonConverter(typeof(UpperSnakeEnumConverter<Classification>))]
public enum Classification
{
    Unclassified = 0,
    RestreintUe = 1,
    ConfidentielUe = 2,
    SecretUe = 3,
    TresSecretUe = 4,
}
