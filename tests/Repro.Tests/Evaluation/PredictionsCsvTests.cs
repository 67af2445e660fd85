using Repro.Evaluation;
using static Repro.Tests.Evaluation.EvaluationTestData;

namespace Repro.Tests.Evaluation;

public class PredictionsCsvTests
{
    private const string Header = "id,label,p_normal,p_benign,p_cancer";

    private static List<Prediction> Parse(string text) => PredictionsCsv.Read(new StringReader(text), "preds.csv");

    private static InvalidDataException Fails(string text) => Assert.Throws<InvalidDataException>(() => Parse(text));

    [Fact]
    public void Reads_labels_case_insensitively_and_malignant_as_cancer()
    {
        var p = Parse(Header + "\na,Normal,0.7,0.2,0.1\nb,BENIGN,0.1,0.8,0.1\nc,malignant,0.1,0.1,0.8\nd,cancer,0,0,1\n");
        Assert.Equal(new[] { 0, 1, 2, 2 }, p.Select(x => x.Label));
        Assert.Equal(new[] { "a", "b", "c", "d" }, p.Select(x => x.Id));
        Assert.All(p, x => Assert.Null(x.Group));
        Assert.Equal(new[] { 0.7, 0.2, 0.1 }, p[0].Probabilities.ToArray());
    }

    [Fact]
    public void Renormalises_only_beyond_the_tolerance()
    {
        var p = Parse(Header + "\na,normal,2,1,1\nb,benign,0.3333333,0.3333333,0.3333333\n");
        Assert.Equal(new[] { 0.5, 0.25, 0.25 }, p[0].Probabilities.ToArray());
        Assert.Equal(new[] { 0.3333333, 0.3333333, 0.3333333 }, p[1].Probabilities.ToArray()); // sum 0.9999999: within 1e-6, kept
    }

    [Fact]
    public void Optional_group_column_any_column_order_and_blank_lines()
    {
        var p = Parse("label,ID,p_cancer,p_benign,p_normal,group\n\nnormal,x1,0.1,0.2,0.7,P1\n\ncancer,x2,0.8,0.1,0.1,\n");
        Assert.Equal("P1", p[0].Group);
        Assert.Null(p[1].Group);
        Assert.Equal(new[] { 0.1, 0.1, 0.8 }, p[1].Probabilities.ToArray());
    }

    [Theory]
    [InlineData(Header + "\na,normal,0.7,0.2,0.1\nb,tumour,0.1,0.8,0.1\n", ":3: label 'tumour' is not one of normal/benign/cancer")]
    [InlineData(Header + "\na,normal,0.7,0.2\n", ":2: expected 5 columns, found 4")]
    [InlineData(Header + "\na,normal,0.7,0.2,0.1,9\n", ":2: expected 5 columns, found 6")]
    [InlineData(Header + "\na,normal,0.7,0.2,0.1\n\nb,benign,high,0.8,0.1\n", ":4: p_normal 'high' is not a number")]
    [InlineData(Header + "\na,normal,0.7,-0.2,0.1\n", ":2: p_benign is negative (-0.2)")]
    [InlineData(Header + "\na,normal,NaN,0.2,0.1\n", ":2: p_normal is NaN, not a finite number")]
    [InlineData(Header + "\na,normal,0,0,0\n", ":2: all probabilities are zero")]
    [InlineData(Header + "\na,normal,0.7,0.2,0.1\na,benign,0.1,0.8,0.1\n", ":3: id 'a' already on line 2")]
    [InlineData(Header + "\n,normal,0.7,0.2,0.1\n", ":2: empty id")]
    [InlineData("id,label,p_normal,p_benign\na,normal,0.5,0.5\n", ":1: header lacks column 'p_cancer'")]
    [InlineData(Header + ",score\n", ":1: unknown column 'score'")]
    [InlineData("a,normal,0.7,0.2,0.1\n", ":1: header lacks column 'id'")]
    [InlineData(Header + "\n\"a,normal,0.7,0.2,0.1\n", ":2: unterminated quoted field")]
    public void Malformed_input_names_the_file_and_line(string text, string message)
    {
        var e = Fails(text);
        Assert.Contains("preds.csv" + message, e.Message);
    }

    [Fact]
    public void Empty_file_or_header_only_is_an_error()
    {
        Assert.Contains("empty file", Fails("").Message);
        Assert.Contains("no prediction rows", Fails(Header + "\n").Message);
    }

    [Fact]
    public void Write_then_read_round_trips_exactly()
    {
        string dir = RepoPaths.NewTempDir("predcsv");
        string path = Path.Combine(dir, "p.csv");
        var predictions = new List<Prediction>
        {
            P("img,1", 0, 0.1 + 0.2, 0.6, 1 - 0.3 - 0.6, "P\"1"),
            P("img2", 2, 1.0 / 3, 1.0 / 3, 1.0 / 3, "P2"),
            P(" padded", 1, 0.2, 0.7, 0.1, "P2"),
        };
        PredictionsCsv.Write(path, predictions);
        var back = PredictionsCsv.Read(path);
        Assert.Equal(predictions.Count, back.Count);
        for (int i = 0; i < predictions.Count; i++)
        {
            Assert.Equal(predictions[i].Id.Trim(), back[i].Id);
            Assert.Equal(predictions[i].Label, back[i].Label);
            Assert.Equal(predictions[i].Group, back[i].Group);
            Assert.Equal(predictions[i].Probabilities.ToArray(), back[i].Probabilities.ToArray());
        }
        Assert.StartsWith(Header + ",group\n", File.ReadAllText(path));
        Assert.Empty(Directory.GetFiles(dir, "*.tmp"));
    }

    [Fact]
    public void Without_groups_no_group_column_is_written()
    {
        string text = PredictionsCsv.Format(new List<Prediction> { P("a", 1, 0.25, 0.5, 0.25) });
        Assert.Equal(Header + "\na,benign,0.25,0.5,0.25\n", text);
    }
}
