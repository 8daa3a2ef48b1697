namespace Article42.Mesh.Gateway;

/// <summary>What <see cref="HandedLog.TryHand"/> decided for a message about to go to the application.</summary>
internal enum Handing
{
    /// <summary>First time: recorded, hand it.</summary>
    Fresh,

    /// <summary>Handed before a restart and never acknowledged: hand it again, flagged redelivered.</summary>
    Again,

    /// <summary>Handed in this lifetime already (or acknowledged): do not hand it again.</summary>
    Withheld,
}
