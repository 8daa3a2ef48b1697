using System.Text;

namespace Article42.Mesh.TestKit;

/// <summary>Reads one output stream of a child to its end, keeping the exact text and its complete lines.</summary>
internal sealed class OutputReader
{
    private readonly StringBuilder _text = new();
    private readonly List<string> _lines = [];
    private int _lineStart;

    public OutputReader(StreamReader reader) => Completion = Task.Run(() => ReadAsync(reader));

    /// <summary>Completes when the stream ends (the child and every process holding its pipe have exited).</summary>
    public Task Completion { get; }

    public string Text { get { lock (_text) return _text.ToString(); } }

    public IReadOnlyList<string> Lines { get { lock (_text) return [.. _lines]; } }

    private async Task ReadAsync(StreamReader reader)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            lock (_text)
            {
                _text.Append(buffer, 0, read);
                for (var i = _text.Length - read; i < _text.Length; i++)
                {
                    if (_text[i] == '\n')
                    {
                        _lines.Add(_text.ToString(_lineStart, i - _lineStart).TrimEnd('\r'));
                        _lineStart = i + 1;
                    }
                }
            }
        }

        lock (_text)
        {
            if (_lineStart < _text.Length)
                _lines.Add(_text.ToString(_lineStart, _text.Length - _lineStart).TrimEnd('\r'));
        }
    }
}
