using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Accounts;

namespace Zout.Basisondersteuning.Tests.Infrastructure;

/// <summary>
/// A small partnership every test can rely on: two boards, three schools in two regions and one account
/// per role. Board A has schools A1 and A2, board B has school B1; region North holds A1 and B1, region
/// South holds A2.
/// </summary>
public sealed class World
{
    public required Partnership Partnership { get; init; }
    public required Region North { get; init; }
    public required Region South { get; init; }
    public required Board BoardA { get; init; }
    public required Board BoardB { get; init; }
    public required School SchoolA1 { get; init; }
    public required School SchoolA2 { get; init; }
    public required School SchoolB1 { get; init; }

    public const string Admin = "beheerder@test.example";
    public const string Consultant = "consultant@test.example";
    public const string SouthConsultant = "consultant-zuid@test.example";
    public const string BoardAUser = "bestuur-a@test.example";
    public const string SchoolA1User = "ib-a1@test.example";
    public const string SchoolA1Director = "directeur-a1@test.example";
    public const string SchoolB1User = "ib-b1@test.example";

    public static async Task<World> SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();

        var partnership = new Partnership { Name = "SWV Testregio", ShortName = "SWV Test" };
        var north = new Region { Name = "Noord" };
        var south = new Region { Name = "Zuid" };
        var boardA = new Board { BoardNumber = "10001", Name = "Stichting Bestuur A" };
        var boardB = new Board { BoardNumber = "10002", Name = "Stichting Bestuur B" };
        var a1 = TestData.School("91AA00", "Obs Aalscholver", boardA, north);
        var a2 = TestData.School("91AB00", "Obs Boomklever", boardA, south);
        var b1 = TestData.School("92BA00", "Cbs Citroenvlinder", boardB, north);
        db.AddRange(partnership, north, south, boardA, boardB, a1, a2, b1);
        await db.SaveChangesAsync();

        await TestData.CreateUserAsync(users, Admin, UserRole.PartnershipAdmin);
        var consultant = await TestData.CreateUserAsync(users, Consultant, UserRole.Consultant);
        var southConsultant = await TestData.CreateUserAsync(users, SouthConsultant, UserRole.Consultant, regions: [south]);
        await TestData.CreateUserAsync(users, BoardAUser, UserRole.BoardUser, boardId: boardA.Id);
        await TestData.CreateUserAsync(users, SchoolA1User, UserRole.SchoolUser, schoolId: a1.Id);
        await TestData.CreateUserAsync(users, SchoolA1Director, UserRole.SchoolUser, schoolId: a1.Id, isDirector: true);
        await TestData.CreateUserAsync(users, SchoolB1User, UserRole.SchoolUser, schoolId: b1.Id);

        a1.ContactPersonId = consultant.Id;
        a2.ContactPersonId = southConsultant.Id;
        // The south consultant is also the contact person of one school in the north.
        b1.ContactPersonId = southConsultant.Id;
        await db.SaveChangesAsync();

        return new World
        {
            Partnership = partnership,
            North = north,
            South = south,
            BoardA = boardA,
            BoardB = boardB,
            SchoolA1 = a1,
            SchoolA2 = a2,
            SchoolB1 = b1,
        };
    }
}

public static class TestData
{
    public static School School(string code, string name, Board board, Region? region = null, bool isActive = true) => new()
    {
        LocationCode = code,
        Brin = code[..4],
        Name = name,
        Street = "Schoolstraat",
        HouseNumber = "1",
        PostalCode = "1234AB",
        City = "TESTDORP",
        Municipality = "TESTGEMEENTE",
        Denomination = "Openbaar",
        PupilCount = 200,
        Board = board,
        Region = region,
        IsActive = isActive,
    };

    public static async Task<AppUser> CreateUserAsync(UserManager<AppUser> users, string email, UserRole role,
        int? boardId = null, int? schoolId = null, bool isDirector = false, IEnumerable<Region>? regions = null, string password = PortalFactory.TestPassword)
    {
        var user = new AppUser
        {
            Email = email,
            UserName = email,
            EmailConfirmed = true,
            DisplayName = email.Split('@')[0],
            Role = role,
            BoardId = boardId,
            SchoolId = schoolId,
            IsDirector = isDirector,
            Regions = regions?.ToList() ?? [],
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        return user;
    }
}
