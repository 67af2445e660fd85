using Repro.IO;
using System.Globalization;
using System.Text;
using Repro.Data;

namespace Repro.Evaluation;

/// <summary>
/// The predictions file: a header, then one row per image with columns
/// <c>id,label,p_normal,p_benign,p_cancer</c> and optionally <c>group</c> (patient id; columns in any
/// order, names case-insensitive). Labels are class names (case-insensitive; <c>malignant</c> means
/// cancer). Probabilities that do not sum to 1 within 1e-6 are divided by their sum, and the scores as written
/// are kept in <see cref="Prediction.RawScores"/> (what ROC AUC and average precision rank); negative,
/// non-finite or all-zero probabilities are errors. Every error is an <see cref="InvalidDataException"/>
/// naming the file, the line and what is wrong. Written with invariant culture and round-trip doubles,
/// atomically.
/// </summary>
public static class PredictionsCsv
{
    /// <summary>Tolerance on the probability sum below which rows are kept as written.</summary>
    public const double SumTolerance = 1e-6;

    private static readonly string[] ProbabilityColumns = ClassLabels.Names.Select(n => "p_" + n).ToArray();

    /// <summary>Reads the predictions of <paramref name="path"/>.</summary>
    public static List<Prediction> Read(string path)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return Read(reader, path);
    }

    /// <summary>Reads predictions from <paramref name="reader"/>; <paramref name="source"/> names it in errors.</summary>
    public static List<Prediction> Read(TextReader reader, string source)
    {
        int lineNumber = 0;
        string? line;
        do { line = reader.ReadLine(); lineNumber++; } while (line is not null && line.Trim().Length == 0);
        if (line is null) throw new InvalidDataException($"{source}: empty file; expected a header 'id,label,{string.Join(",", ProbabilityColumns)}[,group]'");

        var header = Split(line, source, lineNumber).Select(h => h.Trim().ToLowerInvariant()).ToArray();
        int Column(string name, bool required)
        {
            int at = Array.IndexOf(header, name);
            if (at < 0 && required)
                throw new InvalidDataException($"{source}:{lineNumber}: header lacks column '{name}' (expected id,label,{string.Join(",", ProbabilityColumns)}[,group]; got '{line}')");
            return at;
        }
        int idColumn = Column("id", true), labelColumn = Column("label", true), groupColumn = Column("group", false);
        int[] probabilityColumns = ProbabilityColumns.Select(c => Column(c, true)).ToArray();
        var known = new HashSet<string>(ProbabilityColumns.Append("id").Append("label").Append("group"));
        foreach (string h in header)
            if (!known.Contains(h)) throw new InvalidDataException($"{source}:{lineNumber}: unknown column '{h}' in the header");
        if (header.Distinct().Count() != header.Length) throw new InvalidDataException($"{source}:{lineNumber}: a column appears twice in the header");

        var predictions = new List<Prediction>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Trim().Length == 0) continue;
            string Where() => $"{source}:{lineNumber}";
            var fields = Split(line, source, lineNumber);
            if (fields.Count != header.Length)
                throw new InvalidDataException($"{Where()}: expected {header.Length} columns, found {fields.Count}");

            string id = fields[idColumn].Trim();
            if (id.Length == 0) throw new InvalidDataException($"{Where()}: empty id");
            if (seen.TryGetValue(id, out int first)) throw new InvalidDataException($"{Where()}: id '{id}' already on line {first}");
            seen[id] = lineNumber;

            string labelText = fields[labelColumn].Trim();
            int label = ClassLabels.FromName(labelText)
                ?? throw new InvalidDataException($"{Where()}: label '{labelText}' is not one of {string.Join("/", ClassLabels.Names)}");

            var p = new double[ProbabilityColumns.Length];
            double sum = 0;
            for (int c = 0; c < p.Length; c++)
            {
                string text = fields[probabilityColumns[c]].Trim();
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
                    throw new InvalidDataException($"{Where()}: {ProbabilityColumns[c]} '{text}' is not a number");
                if (!double.IsFinite(v)) throw new InvalidDataException($"{Where()}: {ProbabilityColumns[c]} is {text}, not a finite number");
                if (v < 0) throw new InvalidDataException($"{Where()}: {ProbabilityColumns[c]} is negative ({text})");
                p[c] = v;
                sum += v;
            }
            if (sum == 0) throw new InvalidDataException($"{Where()}: all probabilities are zero");
            if (!double.IsFinite(sum)) throw new InvalidDataException($"{Where()}: probabilities sum to {sum}");
            double[]? raw = null;
            if (Math.Abs(sum - 1) > SumTolerance)
            {
                raw = (double[])p.Clone();
                for (int c = 0; c < p.Length; c++) p[c] /= sum;
            }

            string? group = groupColumn < 0 ? null : fields[groupColumn].Trim();
            predictions.Add(new Prediction(id, label, p, string.IsNullOrEmpty(group) ? null : group) { RawScores = raw });
        }
        if (predictions.Count == 0) throw new InvalidDataException($"{source}: no prediction rows after the header");
        return predictions;
    }

    /// <summary>Writes <paramref name="predictions"/> to <paramref name="path"/> atomically (a <c>group</c> column when any has one).</summary>
    public static void Write(string path, IReadOnlyList<Prediction> predictions) => AtomicFile.WriteAllText(path, Format(predictions));

    /// <summary>The CSV text of <paramref name="predictions"/>.</summary>
    public static string Format(IReadOnlyList<Prediction> predictions)
    {
        bool groups = predictions.Any(p => p.Group is not null);
        var sb = new StringBuilder();
        sb.Append("id,label,").Append(string.Join(",", ProbabilityColumns)).Append(groups ? ",group\n" : "\n");
        foreach (var p in predictions)
        {
            if (p.Probabilities.Count != ClassLabels.Count)
                throw new ArgumentException($"prediction '{p.Id}': expected {ClassLabels.Count} probabilities, got {p.Probabilities.Count}", nameof(predictions));
            sb.Append(Quote(p.Id)).Append(',').Append(ClassLabels.Names[p.Label]);
            foreach (double v in p.Probabilities) sb.Append(',').Append(v.ToString("R", CultureInfo.InvariantCulture));
            if (groups) sb.Append(',').Append(Quote(p.Group ?? ""));
            sb.Append('\n');
        }
        return sb.ToString();
    }

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) < 0 && field.Trim().Length == field.Length
            ? field
            : "\"" + field.Replace("\"", "\"\"") + "\"";

    // RFC 4180 fields of one line: commas separate, double quotes enclose, "" is a quote inside.
    private static List<string> Split(string line, string source, int lineNumber)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        int i = 0;
        while (true)
        {
            current.Clear();
            if (i < line.Length && line[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= line.Length) throw new InvalidDataException($"{source}:{lineNumber}: unterminated quoted field");
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    current.Append(line[i++]);
                }
                if (i < line.Length && line[i] != ',')
                    throw new InvalidDataException($"{source}:{lineNumber}: text after a closing quote");
            }
            else
            {
                while (i < line.Length && line[i] != ',') current.Append(line[i++]);
            }
            fields.Add(current.ToString());
            if (i >= line.Length) return fields;
            i++; // the comma
        }
    }
}
