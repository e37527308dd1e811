using CpWebSocket;

namespace Samples.Chat;

// The chat protocol: flat JSON objects told apart by their "type" property, in camelCase,
// for example {"type":"chat.say","room":"lobby","text":"hi"}.

/// <summary>Joins <paramref name="Room"/> as <paramref name="User"/>; the server answers everyone in the room with <see cref="Joined"/>.</summary>
[Message("chat.join")]
public sealed record Join(string Room, string User);

/// <summary>Says <paramref name="Text"/> in <paramref name="Room"/>; the server sends <see cref="Said"/> to the others in the room.</summary>
[Message("chat.say")]
public sealed record Say(string Room, string Text);

/// <summary>Someone else said something in a room this client joined.</summary>
[Message("chat.said")]
public sealed record Said(string Room, string From, string Text);

/// <summary>Someone (this client included) joined a room this client is in; <paramref name="Members"/> counts them all.</summary>
[Message("chat.joined")]
public sealed record Joined(string Room, string User, int Members);

// A request and its response: the client writes a new "id" into each chat.who, and the server's answer carries it back,
// for example {"type":"chat.who","id":1,"room":"lobby"} answered by {"type":"chat.members","id":1,"room":"lobby","users":["alice","bob"]}.

[Message("chat.who")]
public sealed record Who(string Room);

[Message("chat.members")]
public sealed record Members(string Room, IReadOnlyList<string> Users)
{
    public override string ToString() => $"Members {{ Room = {Room}, Users = [{string.Join(", ", Users)}] }}";
}
