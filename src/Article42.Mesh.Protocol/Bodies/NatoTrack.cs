namespace Article42.Mesh.Protocol;

/// <summary>Whether NATO consultations (Art. 4) or collective defence (Art. 5) run alongside.</summary>
[JsonConverter(typeof(LowerSnakeEnumConverter<NatoTrack>))]
public enum NatoTrack
{
    /// <summary>Written <c>none</c> in JSON.</summary>
    None,
    /// <summary>NATO consultations under Art. 4 of the North Atlantic Treaty.</summary>
    Art4,
    /// <summary>NATO collective defence under Art. 5 of the North Atlantic Treaty.</summary>
    Art5,
}
