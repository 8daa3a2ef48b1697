using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Article42.Mesh.Protocol;

/// <summary>
/// One X.509 certificate revocation list (RFC 5280 §5), as <c>openssl ca -gencrl</c> and
/// <see cref="CertificateRevocationListBuilder"/> write it: its issuer, when it was issued and when the next one is
/// due, its number and the serial numbers it revokes. .NET loads a CRL only into a builder, which neither checks the
/// signature nor shows the entries, so the few fields the mesh needs are read here, and <see cref="IsSignedBy"/>
/// checks the signature against a certificate authority's public key.
/// </summary>
public sealed class RevocationList
{
    private const string CrlNumberOid = "2.5.29.20";
    private const string PemLabel = "X509 CRL";
    private readonly byte[] _signed;
    private readonly byte[] _signature;

    private RevocationList(byte[] der, byte[] signed, string algorithm, byte[] signature, X500DistinguishedName issuer, DateTimeOffset thisUpdate, DateTimeOffset? nextUpdate, BigInteger? number, ImmutableHashSet<string> serials)
    {
        Der = der;
        _signed = signed;
        SignatureAlgorithm = algorithm;
        _signature = signature;
        Issuer = issuer;
        ThisUpdate = thisUpdate;
        NextUpdate = nextUpdate;
        Number = number;
        Serials = serials;
    }

    /// <summary>The whole list, DER-encoded (what <see cref="CertificateRevocationListBuilder.Load(byte[], out BigInteger)"/> reads).</summary>
    public ReadOnlyMemory<byte> Der { get; }

    /// <summary>The certificate authority that issued the list (its subject).</summary>
    public X500DistinguishedName Issuer { get; }

    /// <summary>When the list was issued.</summary>
    public DateTimeOffset ThisUpdate { get; }

    /// <summary>When the next list is due; null when the list does not say.</summary>
    public DateTimeOffset? NextUpdate { get; }

    /// <summary>The CRL number extension, which grows with each list of one issuer; null when absent.</summary>
    public BigInteger? Number { get; }

    /// <summary>The revoked serial numbers, as <see cref="SerialOf"/> spells them.</summary>
    public ImmutableHashSet<string> Serials { get; }

    /// <summary>The OID of the algorithm the list is signed with.</summary>
    public string SignatureAlgorithm { get; }

    /// <summary>
    /// The lists in a file: PEM (one or more <c>-----BEGIN X509 CRL-----</c> blocks, one per CA during a rollover) or
    /// one DER list. Throws <see cref="CryptographicException"/> when the file holds no well-formed list.
    /// </summary>
    public static ImmutableArray<RevocationList> Read(byte[] file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Length > 0 && file[0] == 0x30)
            return [Decode(file)];
        string text;
        try
        {
            text = new System.Text.UTF8Encoding(false, true).GetString(file);
        }
        catch (ArgumentException)
        {
            throw new CryptographicException("neither a DER revocation list nor PEM text");
        }

        var lists = ImmutableArray.CreateBuilder<RevocationList>();
        var rest = text.AsMemory();
        while (PemEncoding.TryFind(rest.Span, out var fields))
        {
            if (rest.Span[fields.Label].SequenceEqual(PemLabel))
                lists.Add(Decode(Convert.FromBase64String(rest.Span[fields.Base64Data].ToString())));
            rest = rest[fields.Location.End..];
        }

        return lists.Count > 0 ? lists.ToImmutable() : throw new CryptographicException($"no '-----BEGIN {PemLabel}-----' block and not DER");
    }

    /// <summary>A serial number as the mesh compares and prints it: upper-case hex, big-endian, without leading zero bytes.</summary>
    public static string SerialOf(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Serial(certificate.SerialNumberBytes.Span);
    }

    /// <summary>True when <paramref name="authority"/> is this list's issuer (same name), may sign lists, and its public key verifies the signature.</summary>
    public bool IsSignedBy(X509Certificate2 authority)
    {
        ArgumentNullException.ThrowIfNull(authority);
        if (!authority.SubjectName.RawData.AsSpan().SequenceEqual(Issuer.RawData))
            return false;
        if (authority.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault() is { } usage && !usage.KeyUsages.HasFlag(X509KeyUsageFlags.CrlSign))
            return false;
        if (Hash(SignatureAlgorithm) is not { } hash)
            return false;
        if (SignatureAlgorithm.StartsWith("1.2.840.10045.", StringComparison.Ordinal))
        {
            using var ecdsa = authority.GetECDsaPublicKey();
            return ecdsa?.VerifyData(_signed, _signature, hash, DSASignatureFormat.Rfc3279DerSequence) == true;
        }

        using var rsa = authority.GetRSAPublicKey();
        return rsa?.VerifyData(_signed, _signature, hash, RSASignaturePadding.Pkcs1) == true;
    }

    /// <summary>True when the list revokes <paramref name="certificate"/>: issued by this list's issuer, its serial listed.</summary>
    public bool Revokes(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return certificate.IssuerName.RawData.AsSpan().SequenceEqual(Issuer.RawData) && Serials.Contains(SerialOf(certificate));
    }

    /// <summary>ECDSA and RSA (PKCS#1 v1.5) with SHA-256, -384 or -512: what <c>openssl ca</c> and .NET sign with; null for anything else.</summary>
    private static HashAlgorithmName? Hash(string oid) => oid switch
    {
        "1.2.840.10045.4.3.2" or "1.2.840.113549.1.1.11" => HashAlgorithmName.SHA256,
        "1.2.840.10045.4.3.3" or "1.2.840.113549.1.1.12" => HashAlgorithmName.SHA384,
        "1.2.840.10045.4.3.4" or "1.2.840.113549.1.1.13" => HashAlgorithmName.SHA512,
        _ => null,
    };

    private static RevocationList Decode(byte[] der)
    {
        try
        {
            var outer = new AsnReader(der, AsnEncodingRules.DER);
            var list = outer.ReadSequence();
            outer.ThrowIfNotEmpty();
            var signed = list.ReadEncodedValue().ToArray();
            var algorithm = list.ReadSequence().ReadObjectIdentifier();
            var signature = list.ReadBitString(out _);
            list.ThrowIfNotEmpty();

            var body = new AsnReader(signed, AsnEncodingRules.DER).ReadSequence();
            if (body.PeekTag().HasSameClassAndValue(Asn1Tag.Integer))
                _ = body.ReadInteger(); // version: v2 when there are extensions
            if (body.ReadSequence().ReadObjectIdentifier() != algorithm)
                throw new CryptographicException("the signature algorithm inside the list differs from the one outside");
            var issuer = new X500DistinguishedName(body.ReadEncodedValue().Span);
            var thisUpdate = ReadTime(body);
            DateTimeOffset? nextUpdate = body.HasData && IsTime(body.PeekTag()) ? ReadTime(body) : null;
            var serials = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            if (body.HasData && body.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
            {
                var entries = body.ReadSequence();
                while (entries.HasData)
                    serials.Add(Serial(entries.ReadSequence().ReadIntegerBytes().Span));
            }

            BigInteger? number = null;
            if (body.HasData)
                number = ReadNumber(body.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0)).ReadSequence());
            body.ThrowIfNotEmpty();
            return new RevocationList(der, signed, algorithm, signature, issuer, thisUpdate, nextUpdate, number, serials.ToImmutable());
        }
        catch (AsnContentException ex)
        {
            throw new CryptographicException($"not a well-formed X.509 revocation list: {ex.Message}", ex);
        }
    }

    private static BigInteger? ReadNumber(AsnReader extensions)
    {
        BigInteger? number = null;
        while (extensions.HasData)
        {
            var extension = extensions.ReadSequence();
            var id = extension.ReadObjectIdentifier();
            if (extension.PeekTag().HasSameClassAndValue(Asn1Tag.Boolean))
                _ = extension.ReadBoolean();
            var value = extension.ReadOctetString();
            if (id == CrlNumberOid)
                number = new AsnReader(value, AsnEncodingRules.DER).ReadInteger();
        }

        return number;
    }

    private static bool IsTime(Asn1Tag tag) => tag.HasSameClassAndValue(Asn1Tag.UtcTime) || tag.HasSameClassAndValue(Asn1Tag.GeneralizedTime);

    private static DateTimeOffset ReadTime(AsnReader reader) =>
        reader.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) ? reader.ReadUtcTime() : reader.ReadGeneralizedTime();

    private static string Serial(ReadOnlySpan<byte> bigEndian) => Convert.ToHexString(bigEndian.TrimStart((byte)0));
}
