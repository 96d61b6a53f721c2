using System.Globalization;

namespace Transcoder.Deploy.Tests.Monitoring;

/// <summary>
/// Evaluates a CloudWatch metric math expression for one period, so that a test can check what an alarm computes
/// rather than how its expression is spelled. The subset an alarm over counts needs: numbers, metric ids,
/// <c>+ - * /</c>, parentheses and <c>FILL(id, number)</c>. A metric with no datapoint in the period is missing
/// (null), and arithmetic on a missing value is missing, as in CloudWatch. A division by zero is missing too: for the
/// alarm's ratio that is the period in which no metric has a datapoint at all, where CloudWatch's FILL has no
/// timestamp to fill and the alarm sees no data either.
/// </summary>
public sealed class MetricMath
{
    private readonly string _text;
    private readonly IReadOnlyDictionary<string, double> _values;
    private int _position;

    private MetricMath(string text, IReadOnlyDictionary<string, double> values) => (_text, _values) = (text, values);

    /// <param name="values">The period's value of each metric id that has one; ids left out are missing.</param>
    public static double? Evaluate(string expression, IReadOnlyDictionary<string, double> values)
    {
        var parser = new MetricMath(expression, values);
        var result = parser.Sum();
        parser.SkipSpaces();
        return parser._position == expression.Length ? result : throw parser.Error("end of expression");
    }

    /// <summary>The metric ids an expression reads (function names left out).</summary>
    public static IReadOnlySet<string> Ids(string expression)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var parser = new MetricMath(expression, new Dictionary<string, double>());
        parser.Sum(ids);
        return ids;
    }

    private double? Sum(ISet<string>? ids = null)
    {
        var value = Product(ids);
        while (Accept('+') || Accept('-'))
        {
            var plus = _text[_position - 1] == '+';
            var right = Product(ids);
            value = value is null || right is null ? null : plus ? value + right : value - right;
        }

        return value;
    }

    private double? Product(ISet<string>? ids)
    {
        var value = Operand(ids);
        while (Accept('*') || Accept('/'))
        {
            var times = _text[_position - 1] == '*';
            var right = Operand(ids);
            value = value is null || right is null ? null
                : times ? value * right
                : right == 0 ? null : value / right;
        }

        return value;
    }

    private double? Operand(ISet<string>? ids)
    {
        if (Accept('('))
        {
            var inner = Sum(ids);
            return Accept(')') ? inner : throw Error("')'");
        }

        var word = Word();
        if (double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        if (word == "FILL" && Accept('('))
        {
            var filled = Operand(ids);
            var fill = Accept(',') ? Operand(ids) : throw Error("','");
            return Accept(')') ? filled ?? fill : throw Error("')'");
        }

        ids?.Add(word);
        return _values.TryGetValue(word, out var value) ? value : null;
    }

    private string Word()
    {
        SkipSpaces();
        var start = _position;
        while (_position < _text.Length && (char.IsAsciiLetterOrDigit(_text[_position]) || _text[_position] is '_' or '.'))
        {
            _position++;
        }

        return _position > start ? _text[start.._position] : throw Error("a number, an id or FILL(");
    }

    private bool Accept(char c)
    {
        SkipSpaces();
        if (_position < _text.Length && _text[_position] == c)
        {
            _position++;
            return true;
        }

        return false;
    }

    private void SkipSpaces()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }

    private FormatException Error(string expected) => new($"metric math '{_text}': expected {expected} at {_position}");
}
