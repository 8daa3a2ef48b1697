namespace Article42.Mesh.Cli;

/// <summary>Codes of refusals that happen in the CLI itself, before anything reaches the mesh.</summary>
public static class CliErrorCodes
{
    public const string NoSuchFile = "A42-CLI-001";
    public const string BadOptionValue = "A42-CLI-002";
    public const string WrongSigner = "A42-CLI-003";
    public const string Usage = "A42-CLI-004";
    public const string BadScenario = "A42-CLI-005";
    public const string Unreachable = "A42-CLI-006";
    public const string UnknownContext = "A42-CTX-001";
    public const string BadContextFile = "A42-CTX-002";
    public const string ContextExists = "A42-CTX-003";
    public const string BadContextName = "A42-CTX-004";
    public const string TrustStoreExists = "A42-KEYS-001";
    public const string NoPrivateKey = "A42-KEYS-002";
    public const string BadRegistry = "A42-KEYS-003";
}
