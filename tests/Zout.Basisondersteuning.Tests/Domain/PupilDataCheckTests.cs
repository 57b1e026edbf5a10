using Zout.Basisondersteuning.Web.Domain.Privacy;

namespace Zout.Basisondersteuning.Tests.Domain;

/// <summary>The one check for pupil data in free text: a BSN (elfproef) or a date of birth.</summary>
public sealed class PupilDataCheckTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("111222333")]
    [InlineData("123456782")]
    [InlineData("1234.56.782")]
    [InlineData("123 456 782")]
    [InlineData("BSN: 123-456-782.")]
    public void Bsn_PassingTheElevenTest_IsFound(string text)
    {
        var finding = PupilDataCheck.Find($"Leerling {text} uit groep 5", Today);
        Assert.Equal(PupilDataKind.CitizenServiceNumber, finding?.Kind);
    }

    [Theory]
    [InlineData("123456789")] // fails the elfproef
    [InlineData("000000000")]
    [InlineData("0301234567")] // a phone number: ten digits
    [InlineData("030 123 45 67")]
    [InlineData("€ 12.345.678")]
    [InlineData("Groep 3 heeft 28 leerlingen en het budget is 12345 euro.")]
    public void TextWithoutBsn_IsNotFound(string text) => Assert.Null(PupilDataCheck.Find(text, Today));

    [Theory]
    [InlineData("Geboren op 12-03-2016, zit in groep 5.")]
    [InlineData("geb. 1-9-2019")]
    [InlineData("Geboortedatum: 2017-04-04")]
    [InlineData("Hij is 12 maart 2016 geboren")] // a date on which a pupil could be born
    [InlineData("Het kind van 3 mrt 2018")]
    [InlineData("geb. 12/03/2000")] // marked as a date of birth, whatever the year
    [InlineData("datum 4-4-18")]
    public void DateOfBirth_IsFound(string text) => Assert.Equal(PupilDataKind.DateOfBirth, PupilDataCheck.Find(text, Today)?.Kind);

    [Theory]
    [InlineData("Evaluatie op 1-3-2027 in de teamvergadering")]
    [InlineData("Gesprek van 20-11-2026")]
    [InlineData("Het protocol is van 12-03-2005")]
    [InlineData("Sinds 2016 werken we met deze methode")]
    [InlineData("Groep 1-2 en groep 3-4")]
    [InlineData("31-02-2016")] // no such date
    public void OtherDates_AreNotFound(string text) => Assert.Null(PupilDataCheck.Find(text, Today));

    [Theory]
    [InlineData("111222333", true)]
    [InlineData("111222334", false)]
    [InlineData("11122233", false)]
    public void ElevenTest_IsTheDutchOne(string digits, bool passes) => Assert.Equal(passes, PupilDataCheck.PassesElevenTest(digits));
}
