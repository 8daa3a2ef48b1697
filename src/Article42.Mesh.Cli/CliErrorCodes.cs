using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli;

/// <summary>Codes of refusals that happen in the CLI itself, before anything reaches the mesh (spelled in <see cref="ErrorCodes"/>, the one registry).</summary>
public static class CliErrorCodes
{
    public const string NoSuchFile = ErrorCodes.CliNoSuchFile;
    public const string BadOptionValue = ErrorCodes.CliBadOptionValue;
    public const string WrongSigner = ErrorCodes.CliWrongSigner;
    public const string Usage = ErrorCodes.CliUsage;
    public const string Unreachable = ErrorCodes.CliUnreachable;
    public const string UnknownContext = ErrorCodes.ContextUnknown;
    public const string BadContextFile = ErrorCodes.ContextBadFile;
    public const string ContextExists = ErrorCodes.ContextExists;
    public const string BadContextName = ErrorCodes.ContextBadName;
    public const string TrustStoreExists = ErrorCodes.KeysTrustStoreExists;
    public const string NoPrivateKey = ErrorCodes.KeysNoPrivateKey;
    public const string BadRegistry = ErrorCodes.KeysBadRegistry;
    public const string UnknownParticipant = ErrorCodes.KeysUnknownParticipant;
    public const string UnknownKey = ErrorCodes.KeysUnknownKey;
    public const string NothingToChange = ErrorCodes.KeysNothingToChange;
    public const string NotIssuedByCa = ErrorCodes.KeysNotIssuedByCa;
    public const string AlreadyRevoked = ErrorCodes.KeysAlreadyRevoked;
    public const string BadRevocationList = ErrorCodes.KeysBadRevocationList;
    public const string NotBenchParticipant = ErrorCodes.BenchNotBenchParticipant;
    public const string TooFewBenchParticipants = ErrorCodes.BenchTooFewParticipants;
    public const string BadArrivalLog = ErrorCodes.ScenarioBadArrivalLog;
}
