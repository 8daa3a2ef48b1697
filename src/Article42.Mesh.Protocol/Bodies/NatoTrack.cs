namespace Article42.Mesh.Protocol;

/// <summary>Whether NATO consultations (Art. 4) or collective defence (Art. 5) run alongside.</summary>
[JsonConverter(typeof(LowerSnakeEnumConverter<NatoTrack>))]
public enum NatoTrack
{
    None,
    Art4,
    Art5,
}
