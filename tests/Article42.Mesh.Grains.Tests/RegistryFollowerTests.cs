using Microsoft.Extensions.DependencyInjection;

namespace Article42.Mesh.Grains.Tests;

/// <summary>
/// The follower reads every registry entry appended since its last poll (issue #21): a refused newest entry, appended
/// around the admin method with the journal's credentials, does not hide the valid newer version before it.
/// </summary>
public sealed class RegistryFollowerTests(AdminFixture mesh) : IClassFixture<AdminFixture>
{
    [Fact]
    public async Task A_valid_update_followed_in_the_same_append_by_a_refused_one_is_applied_and_the_refused_one_is_not()
    {
        using var impostor = ParticipantKeys.Generate();
        var holder = mesh.Cluster.Silos[0].ServiceProvider.GetRequiredService<IRegistryHolder>();
        var current = holder.Current;
        var valid = current.Next(current.Participants.Select(p => p.Id == "SK" ? p with { AccreditationMax = Classification.RestreintUe } : p), DateTimeOffset.UtcNow);
        var forged = valid.Next(valid.Participants.Select(p => p.Id == "SK" ? p with { AccreditationMax = Classification.TresSecretUe } : p), DateTimeOffset.UtcNow);
        var position = await mesh.Journal.GetVersionAsync(RegistryJournal.Stream, TestContext.Current.CancellationToken);

        // One append, so no poll can fall between them: the newest entry the follower sees is the forged one.
        var appended = await mesh.Journal.AppendAsync(RegistryJournal.Stream, position,
            [Entry(RegistryDocuments.Sign(valid.ToDocument(), mesh.OperatorKey)), Entry(RegistryDocuments.Sign(forged.ToDocument(), impostor))],
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.IsType<AppendResult.Appended>(appended);

        await Deadline.UntilAsync(() => holder.Version == valid.Version, TimeSpan.FromSeconds(10), $"version {valid.Version} applied");
        Assert.Equal(Classification.RestreintUe, holder.Current.Find("SK")!.AccreditationMax);
        Assert.Equal(valid.Version, holder.Version);
    }

    private static JournalEntry Entry(RegistryDocument document) => new(RegistryJournal.EntryType, RegistryDocuments.Encode(document));
}
