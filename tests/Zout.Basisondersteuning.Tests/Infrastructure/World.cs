using Zout.Basisondersteuning.Web.Domain;

namespace Zout.Basisondersteuning.Tests.Infrastructure;

/// <summary>
/// A small partnership a portal seeds when it starts (<see cref="PortalFactory.WorldAsync"/>): two boards,
/// three schools in two regions and one account per role. Board A has schools A1 and A2, board B has school
/// B1; region North holds A1 and B1, region South holds A2. Tests that change or count what is in it make
/// their own data with <see cref="TestData"/> instead, or have a portal of their own.
/// </summary>
public sealed class World
{
    public required Partnership Partnership { get; init; }
    public required Region North { get; init; }
    public required Region South { get; init; }
    public required Board BoardA { get; init; }
    public required Board BoardB { get; init; }
    public required TestSchool SchoolA1 { get; init; }
    public required TestSchool SchoolA2 { get; init; }
    public required TestSchool SchoolB1 { get; init; }

    public const string SchoolA1Code = "91AA00";
    public const string SchoolA2Code = "91AB00";
    public const string SchoolB1Code = "92BA00";

    public const string Admin = "beheerder@test.example";
    public const string Consultant = "consultant@test.example";
    public const string SouthConsultant = "consultant-zuid@test.example";
    public const string BoardAUser = "bestuur-a@test.example";
    public const string SchoolA1User = "ib-a1@test.example";
    public const string SchoolA1Director = "directeur-a1@test.example";
    public const string SchoolB1User = "ib-b1@test.example";

    internal static async Task<World> SeedAsync(TestData data)
    {
        var partnership = await data.CreatePartnershipAsync("SWV Testregio", "SWV Test");
        var north = await data.CreateRegionAsync("Noord");
        var south = await data.CreateRegionAsync("Zuid");
        var boardA = await data.CreateBoardAsync("Stichting Bestuur A", "10001");
        var boardB = await data.CreateBoardAsync("Stichting Bestuur B", "10002");

        await data.CreateUserAsync(u => u.Email(Admin).Admin());
        var consultant = await data.CreateUserAsync(u => u.Email(Consultant).Consultant());
        var southConsultant = await data.CreateUserAsync(u => u.Email(SouthConsultant).Consultant(south));

        var a1 = await data.CreateSchoolAsync(s => s.Code(SchoolA1Code).Named("Obs Aalscholver").InBoard(boardA).InRegion(north).ContactPerson(consultant));
        var a2 = await data.CreateSchoolAsync(s => s.Code(SchoolA2Code).Named("Obs Boomklever").InBoard(boardA).InRegion(south).ContactPerson(southConsultant));
        // The south consultant is also the contact person of one school in the north.
        var b1 = await data.CreateSchoolAsync(s => s.Code(SchoolB1Code).Named("Cbs Citroenvlinder").InBoard(boardB).InRegion(north).ContactPerson(southConsultant));

        await data.CreateUserAsync(u => u.Email(BoardAUser).BoardUser(boardA));
        await data.CreateUserAsync(u => u.Email(SchoolA1User).SchoolUser(a1));
        await data.CreateUserAsync(u => u.Email(SchoolA1Director).SchoolUser(a1).Director());
        await data.CreateUserAsync(u => u.Email(SchoolB1User).SchoolUser(b1));

        return new World
        {
            Partnership = partnership,
            North = north,
            South = south,
            BoardA = boardA,
            BoardB = boardB,
            SchoolA1 = a1 with { Ib = SchoolA1User, Director = SchoolA1Director },
            SchoolA2 = a2,
            SchoolB1 = b1 with { Ib = SchoolB1User },
        };
    }
}
