using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Article42.Mesh.Protocol.Tests;

/// <summary>The exceptions a silo lets cross round-trip through Orleans' serializer with their typed error, and nothing of the server.</summary>
public sealed class MeshCallExceptionSerializationTests
{
    private static readonly Serializer OrleansSerializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    [Fact]
    public void A_thrown_refusal_round_trips_with_its_error_and_sends_no_server_frame()
    {
        var error = new MeshError(ErrorCodes.CertificateSpeaksForAnother, "FR", "ChallengeAsync on 'FR': this certificate speaks for 'DE', not 'FR'");
        var thrown = Thrown<MeshCallRefusedException>(() => throw new MeshCallRefusedException(error));

        var bytes = OrleansSerializer.SerializeToArray<Exception>(thrown);
        var copy = Assert.IsType<MeshCallRefusedException>(OrleansSerializer.Deserialize<Exception>(bytes));

        Assert.Equal(error, copy.Error);
        AssertNoServerFrame(bytes, copy);
    }

    [Fact]
    public void A_thrown_transient_error_round_trips_with_its_code_and_correlation_id_and_sends_no_server_frame()
    {
        var thrown = Thrown<MeshUnavailableException>(() => throw new MeshUnavailableException("IParticipantGrain.ReportsAsync", "0123456789abcdef0123456789abcdef"));

        var bytes = OrleansSerializer.SerializeToArray<Exception>(thrown);
        var copy = Assert.IsType<MeshUnavailableException>(OrleansSerializer.Deserialize<Exception>(bytes));

        Assert.Equal(thrown.Error, copy.Error);
        Assert.Equal((ErrorCodes.MeshUnavailable, "0123456789abcdef0123456789abcdef"), (copy.Error.Code, copy.CorrelationId));
        AssertNoServerFrame(bytes, copy);
    }

    private static void AssertNoServerFrame(byte[] bytes, MeshCallException copy)
    {
        var wire = Encoding.UTF8.GetString(bytes);
        Assert.DoesNotContain(nameof(Thrown), wire, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs", wire, StringComparison.Ordinal);
        Assert.Null(copy.StackTrace);
        Assert.Null(copy.InnerException);
        Assert.Empty(copy.Data);
    }

    // Thrown for real, so the exception has a stack trace of server frames that must not cross.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T Thrown<T>(Action raise)
        where T : Exception
    {
        try
        {
            raise();
        }
        catch (T caught)
        {
            return caught;
        }
        throw new InvalidOperationException($"no {typeof(T).Name} was thrown");
    }
}
