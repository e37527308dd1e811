using System.Text.Encodings.Web;
using System.Text.Json;

namespace CpWebSocket.Messaging.Layout;

/// <summary>Writes a <see cref="TemplateNode"/> tree out as the three byte runs of an <see cref="OutboundTemplate"/>.</summary>
internal sealed class TemplateWriter(JavaScriptEncoder? encoder)
{
    private readonly List<byte> _head = [];
    private readonly List<byte> _middle = [];
    private readonly List<byte> _tail = [];
    private List<byte> _current = null!;

    public void Write(TemplateNode root)
    {
        _current = _head;
        WriteObject(root);
    }

    public OutboundTemplate Finish(bool hasId, bool mergesPayload, bool mergesIntoRoot, string[] mergedNames) =>
        new([.. _head], [.. _middle], [.. _tail], hasId, mergesPayload, mergesIntoRoot, mergedNames);

    private void WriteObject(TemplateNode node)
    {
        _current.Add((byte)'{');

        // The member that holds the payload goes last at every level, so everything after the payload only closes objects.
        var ordered = node.Children.Where(child => !child.HoldsPayload).Concat(node.Children.Where(child => child.HoldsPayload));
        var first = true;
        foreach (var child in ordered)
        {
            if (!first)
            {
                _current.Add((byte)',');
            }

            first = false;
            _current.Add((byte)'"');
            _current.AddRange(JsonEncodedText.Encode(child.Name, encoder).EncodedUtf8Bytes.ToArray());
            _current.AddRange("\":"u8.ToArray());
            switch (child.Kind)
            {
                case TemplateKind.Object:
                    WriteObject(child);
                    break;
                case TemplateKind.Literal:
                    _current.AddRange(child.Literal!);
                    break;
                case TemplateKind.Id:
                    _current = _middle;
                    break;
                case TemplateKind.Payload:
                    _current = _tail;
                    break;
            }
        }

        if (node.PayloadLast)
        {
            // The payload's own members and its closing brace follow.
            _current = _tail;
            return;
        }

        _current.Add((byte)'}');
    }
}
