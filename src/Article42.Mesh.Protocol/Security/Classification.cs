namespace Article42.Mesh.Protocol;

/// <summary>EUCI levels of Council Decision 2013/488/EU, Art. 2, ranked 0..4 (docs/design/domain.md §4.1).</summary>
[JsonConverter(typeof(UpperSnakeEnumConverter<Classification>))]
public enum Classification
{
    /// <summary>Written <c>UNCLASSIFIED</c> in JSON.</summary>
    Unclassified = 0,
    /// <summary>Written <c>RESTREINT_UE</c> in JSON.</summary>
    RestreintUe = 1,
    /// <summary>Written <c>CONFIDENTIEL_UE</c> in JSON.</summary>
    ConfidentielUe = 2,
    /// <summary>Written <c>SECRET_UE</c> in JSON.</summary>
    SecretUe = 3,
    /// <summary>Written <c>TRES_SECRET_UE</c> in JSON.</summary>
    TresSecretUe = 4,
}
