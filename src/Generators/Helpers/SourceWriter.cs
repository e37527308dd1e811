using System;
using System.Text;

namespace CpWebSocket.Generators.Helpers;

/// <summary>
/// Builds C# source with four-space indentation and <c>\n</c> line endings, so the output is the same
/// on every operating system. Multi-line text is indented line by line; blank lines stay empty.
/// </summary>
internal sealed class SourceWriter
{
    private const int IndentSize = 4;
    private readonly StringBuilder _builder = new();
    private int _indentation;

    /// <summary>The current indentation level.</summary>
    public int Indentation
    {
        get => _indentation;
        set
        {
            if (value < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(value), "Indentation cannot be negative.");
            }

            _indentation = value;
        }
    }

    /// <summary>Writes an empty line.</summary>
    public void WriteLine() => _builder.Append('\n');

    /// <summary>Writes <paramref name="text"/>, each of its lines indented, then a line break.</summary>
    public void WriteLine(string text)
    {
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            var line = text.Substring(start, end - start).TrimEnd('\r');
            if (line.Length > 0)
            {
                _builder.Append(' ', _indentation * IndentSize);
                _builder.Append(line);
            }

            _builder.Append('\n');
            start = end + 1;
        }
    }

    /// <summary>Appends <paramref name="text"/> to the last line written (a comma, a closing parenthesis).</summary>
    public void AppendToLastLine(string text)
    {
        if (_builder.Length > 0 && _builder[_builder.Length - 1] == '\n')
        {
            _builder.Length--;
        }

        _builder.Append(text).Append('\n');
    }

    /// <summary>Writes <c>{</c> and indents what follows.</summary>
    public void OpenBlock()
    {
        WriteLine("{");
        _indentation++;
    }

    /// <summary>Unindents and writes <c>}</c>.</summary>
    public void CloseBlock()
    {
        Indentation--;
        WriteLine("}");
    }

    /// <summary>The text written so far.</summary>
    public override string ToString() => _builder.ToString();
}
