namespace Samples.Chat;

/// <summary>The session could not go through; the message says what went wrong, for the command line.</summary>
internal sealed class ChatSessionException : Exception
{
    public ChatSessionException()
    {
    }

    public ChatSessionException(string message)
        : base(message)
    {
    }

    public ChatSessionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
