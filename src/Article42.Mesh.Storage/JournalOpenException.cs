namespace Article42.Mesh.Storage;

/// <summary>The journal could not be opened; the message names the store and says what is wrong with it.</summary>
public sealed class JournalOpenException : Exception
{
    public JournalOpenException()
    {
    }

    public JournalOpenException(string message)
        : base(message)
    {
    }

    public JournalOpenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
