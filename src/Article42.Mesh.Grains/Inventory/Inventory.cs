namespace Article42.Mesh.Grains;

/// <summary>
/// What a participant declared it can offer, and what commitments across all activations have reserved of it: a
/// capability is committed in one activation at a time. Its own small stream, loaded on first use.
/// </summary>
internal sealed class Inventory(string participant, IMessageJournal journal)
{
    private readonly JournalStream _stream = new($"inventory/{participant}", journal);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Dictionary<string, int> _declared = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Activation, string Offer), ReservationRecord> _reserved = [];
    private bool _loaded;

    public Task DeclareAsync(InventoryDeclarationBody declaration) => UnderGateAsync(async () =>
    {
        var record = new DeclarationRecord(declaration.Items.GroupBy(i => i.CategoryCode!).ToDictionary(g => g.Key, g => g.Sum(i => i.Quantity ?? 0)));
        await _stream.AppendAsync(_ => ([new JournalEntry(InventoryEntryTypes.Declared, RecordJson.Encode(record))], []));
        _declared = record.Quantities;
    });

    public Task<MeshError?> ReserveAsync(Reservation reservation) => UnderGateAsync(async () =>
    {
        var key = (reservation.ActivationId, reservation.OfferId);
        if (_reserved.ContainsKey(key))
            return null;
        var declared = _declared.GetValueOrDefault(reservation.CategoryCode);
        var taken = _reserved.Values.Where(r => r.CategoryCode == reservation.CategoryCode).Sum(r => r.Quantity);
        if (taken + reservation.Quantity > declared)
            return new MeshError(ErrorCodes.InventoryExceeded, "$.payload.offer_id",
                $"{participant} declared {declared} of {reservation.CategoryCode} and has {taken} committed already; committing {reservation.Quantity} more would exceed it (declare it with INVENTORY_DECLARATION)");
        var record = new ReservationRecord(reservation.ActivationId, reservation.OfferId, reservation.CategoryCode, reservation.Quantity);
        await _stream.AppendAsync(_ => ([new JournalEntry(InventoryEntryTypes.Reserved, RecordJson.Encode(record))], []));
        _reserved[key] = record;
        return (MeshError?)null;
    });

    public Task ReleaseAsync(string activationId, string offerId) => UnderGateAsync(async () =>
    {
        if (!_reserved.Remove((activationId, offerId)))
            return;
        var record = new ReservationRecord(activationId, offerId, "", 0);
        await _stream.AppendAsync(_ => ([new JournalEntry(InventoryEntryTypes.Released, RecordJson.Encode(record))], []));
    });

    private Task UnderGateAsync(Func<Task> work) => UnderGateAsync(async () =>
    {
        await work();
        return true;
    });

    private async Task<T> UnderGateAsync<T>(Func<Task<T>> work)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_loaded)
                await LoadAsync();
            return await work();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task LoadAsync()
    {
        await _stream.LoadAsync();
        await foreach (var entry in _stream.ReadAfter(0))
        {
            switch (entry.Type)
            {
                case InventoryEntryTypes.Declared:
                    _declared = RecordJson.Declaration(entry.Payload).Quantities;
                    break;
                case InventoryEntryTypes.Reserved:
                    var reserved = RecordJson.Reservation(entry.Payload);
                    _reserved[(reserved.ActivationId, reserved.OfferId)] = reserved;
                    break;
                case InventoryEntryTypes.Released:
                    var released = RecordJson.Reservation(entry.Payload);
                    _reserved.Remove((released.ActivationId, released.OfferId));
                    break;
            }
        }
        _loaded = true;
    }
}
