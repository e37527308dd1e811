using CpWebSocket.Messaging.Shapes;

namespace CpWebSocket.Tests.Messaging.Codec.Fixtures;

/// <summary>The shapes a generated client would declare for the codec's test messages.</summary>
public static class CodecShapes
{
    /// <summary><see cref="Said"/>: three required strings.</summary>
    public static MessageShape<Said> Said { get; } = new(
        static m => m.Room is null || m.From is null || m.Text is null,
        new MessageShapeMember("room"),
        new MessageShapeMember("from"),
        new MessageShapeMember("text"));

    /// <summary><see cref="Level"/>: two required numbers, either of which may legitimately be zero.</summary>
    public static MessageShape<Level> Level { get; } = new(
        static m => m.Seq == 0 || m.Price == 0,
        new MessageShapeMember("seq"),
        new MessageShapeMember("price"));

    /// <summary>Collects <paramref name="shapes"/>.</summary>
    public static MessageShapes Of(params MessageShape[] shapes)
    {
        var all = new MessageShapes();
        foreach (var shape in shapes)
        {
            all.Add(shape);
        }

        return all;
    }
}
