using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Support;

namespace Zout.Basisondersteuning.Tests.Domain;

/// <summary>
/// The texts a partnership's first year starts with are the seeds' own words (copies kept under tests/TestData), and the
/// words for arrangements and inspection judgements each have one Dutch word of their own.
/// </summary>
public sealed class SupportDefaultsTests
{
    private static string Seed(string file) => File.ReadAllText(TestFiles.Repository($"tests/Zout.Basisondersteuning.Tests/TestData/{file}"));

    [Fact]
    public void Route_IsSeed004sOwnHeadingsAndTexts_WordForWord()
    {
        var seed = Seed("seed-004-fasen.txt");
        Assert.Equal(4, SupportDefaults.PhaseTitles.Count);
        for (var i = 0; i < 4; i++)
        {
            Assert.StartsWith($"Fase {i + 1}: ", SupportDefaults.PhaseTitles[i], StringComparison.Ordinal);
            Assert.Contains($"### **{SupportDefaults.PhaseTitles[i]}**", seed, StringComparison.Ordinal);
            Assert.All(SupportDefaults.PhaseTexts[i].Split('\n'), paragraph => Assert.Contains(paragraph, seed, StringComparison.Ordinal));
        }

        Assert.Contains($"### **{SupportDefaults.FollowUpTitle}**", seed, StringComparison.Ordinal);
        var points = SupportDefaults.FollowUp.Split('\n');
        Assert.Equal(3, points.Length);
        Assert.All(points, point => Assert.Contains($"- {point}", seed, StringComparison.Ordinal));
        Assert.Contains(SupportDefaults.Introduction, seed, StringComparison.Ordinal);
    }

    [Fact]
    public void SopFraming_IsSeed002sSnapshotNotALegalTest_WordForWord()
    {
        var seed = Seed("seed-002-sop.txt");
        Assert.All(SupportDefaults.SopFraming.Split('\n'), sentence => Assert.Contains(sentence, seed, StringComparison.Ordinal));
        Assert.Contains("Het is nadrukkelijk geen juridische toetssteen", SupportDefaults.SopFraming, StringComparison.Ordinal);
    }

    [Fact]
    public void NewOffering_HasEveryDefault_AndAYearWithoutTextsReadsTheSame()
    {
        var year = SchoolYear.For(2026);
        var offering = SupportDefaults.NewOffering(year);
        Assert.Same(year, offering.SchoolYear);
        Assert.Equal(SupportDefaults.PhaseTitles, offering.Phases().Select(p => p.Title));
        Assert.Equal(SupportDefaults.PhaseTexts, offering.Phases().Select(p => p.Text));
        // Texts stored before the titles existed read with the default titles.
        var old = new SupportOffering { Phase1 = "Eigen tekst" };
        Assert.Equal((SupportDefaults.PhaseTitles[0], "Eigen tekst"), old.Phases()[0]);
        Assert.Equal(SupportDefaults.FollowUpTitle, old.FollowUpTitleOrDefault);
        Assert.Equal(SupportDefaults.SopFraming, old.SopFramingOrDefault);
    }

    [Fact]
    public void Durations_ReadAsTheSeedSaysThem_SeveralJoined()
    {
        Assert.Equal("in overleg", ArrangementDurations.None.ToDutch());
        Assert.Equal("long (2 jaar)", ArrangementDurations.LongTerm.ToDutch());
        Assert.Equal("short (½ jaar) of long (2 jaar)", (ArrangementDurations.ShortTerm | ArrangementDurations.LongTerm).ToDutch());
        Assert.Equal("short (½ jaar), medium (1 jaar) of long (2 jaar)", (ArrangementDurations.ShortTerm | ArrangementDurations.MediumTerm | ArrangementDurations.LongTerm).ToDutch());
    }

    [Fact]
    public void EveryKindAndState_HasItsOwnWord()
    {
        AssertDistinct(Enum.GetValues<ArrangementForm>().Select(f => f.ToDutch()));
        AssertDistinct(Enum.GetValues<ArrangementForm>().Select(f => f.ToDutchPlural()));
        AssertDistinct(Enum.GetValues<ArrangementRelation>().Select(r => r.ToDutch()));
        AssertDistinct(Enum.GetValues<ArrangementRelation>().Select(r => r.ToDutchShort()));
        AssertDistinct(Enum.GetValues<ArrangementStatus>().Select(s => s.ToDutch()));
        AssertDistinct(SupportTexts.EachDuration.Select(d => d.ToDutchOne()));
        AssertDistinct(Enum.GetValues<InspectionJudgement>().Select(j => j.ToDutch()));
        Assert.Equal(Enum.GetValues<InspectionJudgement>().Order(), InspectionTexts.All.Order());
        Assert.Equal(Enum.GetValues<ArrangementForm>().Order(), SupportTexts.Forms.Order());
    }

    private static void AssertDistinct(IEnumerable<string> words)
    {
        var list = words.ToList();
        Assert.Equal(list.Count, list.Distinct(StringComparer.Ordinal).Count());
        Assert.All(list, w => Assert.False(string.IsNullOrWhiteSpace(w)));
    }
}
