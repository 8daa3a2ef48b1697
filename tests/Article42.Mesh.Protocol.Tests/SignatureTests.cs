namespace Article42.Mesh.Protocol.Tests;

public sealed class SignatureTests
{
    private static readonly Envelope Original = TestData.Signed(TestData.Valid(MessageKind.Invocation, "FR", "ALL-MS", "PRES") with
    {
        ToInfo = ["PSC"],
        PrecedenceInfo = Precedence.Immediate,
        ExpiresAt = TestData.Now.AddHours(1),
        ReplyBy = TestData.Now.AddMinutes(30),
        References = ["01JZ0000000000000000000000"],
        Topics = ["AIR"],
        OriginatorRef = "FR-MOD-261126-01",
    });

    [Fact]
    public void A_signed_envelope_verifies_against_its_senders_registry_key() =>
        Assert.Null(EnvelopeSignatures.Verify(Original, TestData.Registry));

    public static TheoryData<string> SignedFieldChanges() => [.. Changes.Keys];

    private static readonly Dictionary<string, Func<Envelope, Envelope>> Changes = new()
    {
        ["msg_id"] = e => e with { MsgId = Ulid.New(TestData.Now) },
        ["kind"] = e => e with { Kind = MessageKind.Sitrep },
        ["schema_version"] = e => e with { SchemaVersion = "1.0.1" },
        ["activation_id"] = e => e with { ActivationId = "A42-2026-0002" },
        ["exercise_id"] = e => e with { ExerciseId = "EX-1" },
        ["mode"] = e => e with { Mode = MessageMode.Drill },
        ["from"] = e => e with { From = "DE" },
        ["released_by"] = e => e with { ReleasedBy = "Minister" },
        ["released_at"] = e => e with { ReleasedAt = TestData.Now },
        ["originator_ref"] = e => e with { OriginatorRef = "FR-MOD-261126-02" },
        ["to_action"] = e => e with { ToAction = ["ALL-MS"] },
        ["to_info"] = e => e with { ToInfo = [] },
        ["precedence_action"] = e => e with { PrecedenceAction = Precedence.Override },
        ["precedence_info"] = e => e with { PrecedenceInfo = Precedence.Flash },
        ["created_at"] = e => e with { CreatedAt = e.CreatedAt.AddMilliseconds(1) },
        ["reply_by"] = e => e with { ReplyBy = null },
        ["expires_at"] = e => e with { ExpiresAt = e.ExpiresAt!.Value.AddMilliseconds(1) },
        ["ack_request"] = e => e with { AckRequest = [AckType.Dr] },
        ["in_reply_to"] = e => e with { InReplyTo = "01JZ0000000000000000000000" },
        ["references"] = e => e with { References = [] },
        ["label.level"] = e => e with { Label = e.Label with { Level = Classification.RestreintUe } },
        ["label.releasable_to"] = e => e with { Label = e.Label with { ReleasableTo = ["ALL-MS"] } },
        ["label.caveats"] = e => e with { Label = e.Label with { Caveats = ["EYES-ONLY"] } },
        ["label.policy"] = e => e with { Label = e.Label with { Policy = "NATO" } },
        ["label.originator_control"] = e => e with { Label = e.Label with { OriginatorControl = false } },
        ["handling"] = e => e with { Handling = ["PERSONAL-FOR"] },
        ["topics"] = e => e with { Topics = ["SEA"] },
        ["payload.summary"] = e => e with { Payload = ((InvocationBody)e.Payload!) with { Summary = "Changed." } },
        ["payload.ipcr_requested"] = e => e with { Payload = ((InvocationBody)e.Payload!) with { IpcrRequested = true } },
    };

    [Theory]
    [MemberData(nameof(SignedFieldChanges))]
    public void Changing_any_signed_field_breaks_the_signature(string field)
    {
        var changed = Changes[field](Original);
        Assert.NotEqual(EnvelopeCodec.CanonicalBytes(Original), EnvelopeCodec.CanonicalBytes(changed));
        Assert.NotNull(EnvelopeSignatures.Verify(changed, TestData.Registry));
    }

    [Fact]
    public void Every_single_byte_tamper_of_the_encoded_envelope_is_refused_or_fails_verification()
    {
        var bytes = EnvelopeCodec.Encode(Original);
        var canonical = EnvelopeCodec.CanonicalBytes(Original);
        var (refused, unchanged, verified) = (0, 0, 0);
        for (var i = 0; i < bytes.Length; i++)
        {
            foreach (var flip in new byte[] { 0x01, 0x20, 0x80 })
            {
                var tampered = (byte[])bytes.Clone();
                tampered[i] ^= flip;
                var decoded = EnvelopeCodec.Decode(tampered);
                if (!decoded.IsSuccess)
                {
                    refused++;
                    continue;
                }

                if (EnvelopeCodec.CanonicalBytes(decoded.Value!).AsSpan().SequenceEqual(canonical) && decoded.Value!.Signature == Original.Signature)
                {
                    unchanged++; // e.g. the case of a JSON name the decoder matches case-insensitively, or of a hex digit
                    continue;
                }

                verified++;
                Assert.True(EnvelopeSignatures.Verify(decoded.Value!, TestData.Registry) is not null, $"byte {i} ^ 0x{flip:X2} still verifies");
            }
        }

        // Every tamper is accounted for, and the verify assertion ran for a large share of them, not for none.
        Assert.Equal(bytes.Length * 3, refused + unchanged + verified);
        Assert.True(verified >= bytes.Length / 2, $"only {verified} of {bytes.Length * 3} tampers decoded to other content and reached verification ({refused} refused, {unchanged} unchanged)");
    }

    [Fact]
    public void The_trace_context_is_not_signed_so_the_mesh_may_re_parent_it()
    {
        var retraced = Original with { Trace = new TraceContext { Traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01" } };
        Assert.Null(EnvelopeSignatures.Verify(retraced, TestData.Registry));
    }

    [Fact]
    public void A_signature_made_with_another_participants_key_fails()
    {
        var forged = EnvelopeSignatures.Sign(Original, TestData.KeyOf("DE"));
        Assert.Equal(ErrorCodes.SignatureInvalid, EnvelopeSignatures.Verify(forged, TestData.Registry)!.Code);
    }

    [Theory]
    [InlineData(null, ErrorCodes.SignatureMissing)]
    [InlineData("", ErrorCodes.SignatureMissing)]
    [InlineData("not base64!", ErrorCodes.SignatureMalformed)]
    [InlineData("AAAA", ErrorCodes.SignatureMalformed)]
    public void A_missing_or_malformed_signature_is_refused_with_its_code(string? signature, string code) =>
        Assert.Equal(code, EnvelopeSignatures.Verify(Original with { Signature = signature }, TestData.Registry)!.Code);

    [Fact]
    public void A_sender_without_a_registry_key_cannot_be_verified()
    {
        var error = EnvelopeSignatures.Verify(Original, ParticipantRegistry.Default);
        Assert.Equal((ErrorCodes.SignerHasNoKey, "$.from"), (error!.Code, error.Path));
    }
}
