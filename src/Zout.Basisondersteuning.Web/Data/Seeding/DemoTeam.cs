using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Domain.Team;
using Zout.Basisondersteuning.Web.Infrastructure;

namespace Zout.Basisondersteuning.Web.Data.Seeding;

/// <summary>
/// Team Basisondersteuning in the demo (issue 11): conversations (with agreements, a school response, one agreement
/// turned into a development point) and a board's startbijeenkomst last June; requests in every state; connections
/// (one accepted, one waiting for 12AB00's answer); signals; a joint training with registrations; schools in every
/// implementation phase. Dates are relative to today, so every page shows something real.
/// </summary>
public static class DemoTeam
{
    public static async Task SeedAsync(AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = time.Today();
        var users = await db.Users.Where(u => u.Email != null).ToDictionaryAsync(u => u.Email!, cancellationToken);
        var consultant = users[DemoData.ConsultantEmail];
        var regionConsultant = users[DemoData.RegionConsultantEmail];
        var ib = users[DemoData.SchoolEmail];
        var director = users[DemoData.DirectorEmail];
        var ib2 = users[DemoData.OtherSchoolEmail];
        var schools = await db.Schools.Include(s => s.Board).ToDictionaryAsync(s => s.LocationCode, cancellationToken);
        var currentStart = SchoolYear.StartYearOf(today);
        var years = await db.SchoolYears.ToDictionaryAsync(y => y.StartYear, cancellationToken);
        var thisYear = years[currentStart];
        var lastYear = years[currentStart - 1];
        var school = schools[DemoData.SchoolCode];
        var points = await db.DevelopmentPoints.Where(p => p.SchoolId == school.Id && p.SchoolYearId == thisYear.Id).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        // One of them is past its deadline, so "Mijn scholen" has something to flag.
        if (points.Count > 1)
        {
            points[1].Deadline = today.AddDays(-10);
            points[1].Status = Domain.Scans.DevelopmentPointStatus.InProgress;
        }

        // Last June: the startbijeenkomst of the board of 12AB00, with the parts of its schools.
        var board = school.Board;
        var meetingDate = new DateOnly(currentStart, 6, 16);
        var meeting = new BoardMeeting
        {
            BoardId = board.Id,
            SchoolYearId = lastYear.Id,
            Date = meetingDate,
            Summary = "De scholen legden hun scans naast elkaar met het vergelijkingsrapport. Opvallend: bijna alle scholen staan op orde in basiskwaliteit en ondersteuningsstructuur, "
                      + "maar scoren laag op meer- en hoogbegaafdheid en op borging. Afgesproken: elke school kiest twee ontwikkelpunten voor het jaarplan, en de scholen die sterk zijn in "
                      + "jonge kind delen hun aanpak in een netwerkbijeenkomst in het najaar. Hoe komen we van A naar B? Door van elkaar te leren.",
            Participants = "Extern begeleider (voorzitter), de directeuren en IB-ers van de scholen, de bestuurder onderwijs",
            AuthorId = consultant.Id,
            AuthorName = consultant.DisplayName,
        };
        var boardSchools = schools.Values.Where(s => s.BoardId == board.Id && s.IsActive).OrderBy(s => s.Name).ToList();
        foreach (var (part, i) in boardSchools.Select((s, i) => (s, i)))
        {
            var conversation = new Conversation
            {
                School = part,
                SchoolYearId = lastYear.Id,
                Date = meetingDate,
                Kind = ConversationKind.StartMeeting,
                AuthorId = consultant.Id,
                AuthorName = consultant.DisplayName,
                Version = 1,
                Summary = part.Id == school.Id
                    ? "De Regenboog kiest voor meer- en hoogbegaafdheid (expertise) en voor borging van de leesaanpak. De IB-er neemt contact op met een school die sterk is in plusaanbod."
                    : "De school kiest haar ontwikkelpunten op basis van het vergelijkingsrapport en bespreekt ze in het team.",
            };
            conversation.Agreements.Add(new ConversationAgreement { SortOrder = 0, Action = "Twee ontwikkelpunten kiezen en opnemen in het jaarplan", Owner = "Directeur", Deadline = new DateOnly(currentStart, 10, 1), Status = AgreementStatus.Done });
            if (i % 2 == 0) conversation.Agreements.Add(new ConversationAgreement { SortOrder = 1, Action = "Aanpak jonge kind delen in de netwerkbijeenkomst", Owner = "IB-er", Deadline = new DateOnly(currentStart, 11, 15), Status = AgreementStatus.InProgress });
            if (part.Id == school.Id) conversation.Participants.AddRange([Participant(ib), Participant(director)]);
            meeting.Conversations.Add(conversation);
        }

        db.BoardMeetings.Add(meeting);

        // This year, with 12AB00: office hours three weeks ago (one agreement became a development point), a progress meeting last week.
        var officeHours = new Conversation
        {
            School = school,
            SchoolYearId = thisYear.Id,
            Date = today.AddDays(-21),
            Kind = ConversationKind.OfficeHours,
            AuthorId = consultant.Id,
            AuthorName = consultant.DisplayName,
            Version = 1,
            Summary = "Spreekuur met de IB-er over het aanbod voor meerbegaafde leerlingen. De school heeft een plusgroep, maar de leerkrachten weten niet goed hoe ze in de klas verrijken. "
                      + "Route-coach: waar sta je nu? Expertise op niveau 2. Volgende stap: scholing van twee leerkrachten en collegiale consultatie bij een school die hier sterk in is.",
            NextDate = today.AddDays(-7),
            Participants = [Participant(ib)],
            Topics = [new ConversationTopic { DomainKey = "meer-hoogbegaafdheid" }, new ConversationTopic { AspectKey = "expertise" }],
        };
        var toPoint = new ConversationAgreement { SortOrder = 0, Action = "Twee leerkrachten volgen de cursus verrijken in de klas", Owner = "Iris (IB-er)", Deadline = today.AddDays(60), Status = AgreementStatus.InProgress };
        if (points.Count > 0) toPoint.DevelopmentPoint = points[0];
        officeHours.Agreements.AddRange([toPoint, new ConversationAgreement { SortOrder = 1, Action = "Contact leggen met een school die sterk is in plusaanbod", Owner = "Cor (Team BO)", Deadline = today.AddDays(-3), Status = AgreementStatus.Done }]);
        var progress = new Conversation
        {
            School = school,
            SchoolYearId = thisYear.Id,
            Date = today.AddDays(-7),
            Kind = ConversationKind.Progress,
            AuthorId = consultant.Id,
            AuthorName = consultant.DisplayName,
            Version = 1,
            Summary = "Voortgangsgesprek met directeur en IB-er. De scan van dit jaar is bijna af; de carry-over van vorig jaar scheelde veel werk. Ontwikkelpunten liggen op schema, "
                      + "behalve borging van de leesaanpak: daar is te weinig tijd voor ingeroosterd. Afgesproken: in de teamvergadering van december een uur voor borging.",
            NextDate = today.AddDays(21),
            Participants = [Participant(ib), Participant(director), new ConversationParticipant { Name = "Mirjam de Vries", Role = "Leescoördinator" }],
            Topics = [.. points.Take(2).Select(p => new ConversationTopic { DevelopmentPoint = p }), new ConversationTopic { DomainKey = "taal-lezen" }, new ConversationTopic { AspectKey = "borging" }],
            Agreements =
            [
                new ConversationAgreement { SortOrder = 0, Action = "Een uur voor borging van de leesaanpak in de teamvergadering van december", Owner = "Directeur", Deadline = today.AddDays(25), Status = AgreementStatus.Open },
                new ConversationAgreement { SortOrder = 1, Action = "Scan indienen voor de deadline", Owner = "IB-er", Deadline = today.AddDays(30), Status = AgreementStatus.Open },
            ],
            Response = new ConversationResponse { Text = "Dank voor het goede gesprek. Aanvulling: de leescoördinator sluit ook aan bij de teamvergadering.", ByName = director.DisplayName, At = now.AddDays(-6), Version = 1 },
        };
        db.Conversations.AddRange(officeHours, progress);

        // Other schools: an EHBO question with 14EF00 (the region consultant), an evaluation with 16JK00.
        var other = schools[DemoData.OtherSchoolCode];
        db.Conversations.Add(new Conversation
        {
            School = other,
            SchoolYearId = thisYear.Id,
            Date = today.AddDays(-10),
            Kind = ConversationKind.FirstAid,
            AuthorId = regionConsultant.Id,
            AuthorName = regionConsultant.DisplayName,
            Version = 1,
            Summary = "EHBO-vraag uit de casuïstiek: hoe organiseer je een prikkelarme werkplek in een volle groep? Tips gedeeld over de inrichting en de afspraken in de klas; "
                      + "de school gaat een prikkelarme hoek inrichten.",
            Participants = [Participant(ib2)],
            Topics = [new ConversationTopic { DomainKey = "sociaal-emotioneel-gedrag" }, new ConversationTopic { AspectKey = "facilitair" }],
            Agreements = [new ConversationAgreement { SortOrder = 0, Action = "Prikkelarme hoek inrichten in groep 5", Owner = "Ilse (IB-er)", Deadline = today.AddDays(30), Status = AgreementStatus.Open }],
        });
        db.Conversations.Add(new Conversation
        {
            School = schools["16JK00"],
            SchoolYearId = thisYear.Id,
            Date = today.AddDays(-30),
            Kind = ConversationKind.Evaluation,
            AuthorId = regionConsultant.Id,
            AuthorName = regionConsultant.DisplayName,
            Version = 1,
            Summary = "Evaluatie van de invoering: de basisondersteuning staat. Het team werkt handelingsgericht en de ontwikkelpunten van vorig jaar zijn afgerond.",
            NextDate = today.AddDays(120),
        });

        // Requests in every state.
        var askedNew = new SupportRequest
        {
            School = school,
            Kind = SupportRequestKind.Connect,
            Subject = "Welke school kan ons helpen met een plusklas?",
            Status = SupportRequestStatus.New,
            Version = 1,
            Description = "We willen volgend jaar een plusklas starten voor groep 5 tot en met 8. Is er een school in de regio die dit al doet en waar we kunnen kijken?",
            DomainKey = "meer-hoogbegaafdheid",
            AspectKey = "aanbod",
            AskedByName = ib.DisplayName,
            AskedAt = now.AddDays(-1),
        };
        var inProgress = new SupportRequest
        {
            School = school,
            Kind = SupportRequestKind.RouteCoach,
            Subject = "Hulp bij het borgen van de leesaanpak",
            Status = SupportRequestStatus.InProgress,
            Version = 3,
            Description = "De leesaanpak staat, maar we merken dat hij wegzakt. Hoe borgen we hem in de kwaliteitscyclus?",
            DomainKey = "taal-lezen",
            AspectKey = "borging",
            AskedByName = director.DisplayName,
            AskedAt = now.AddDays(-12),
            Messages =
            [
                new SupportRequestMessage { At = now.AddDays(-10), AuthorId = consultant.Id, AuthorName = consultant.DisplayName, Text = "Goede vraag. Ik kom graag langs voor het spreekuur; zullen we de leesaanpak dan samen naast de borgingskalender leggen?" },
                new SupportRequestMessage { At = now.AddDays(-9), AuthorId = director.Id, AuthorName = director.DisplayName, FromSchool = true, Text = "Graag. De IB-er sluit aan." },
            ],
        };
        var done = new SupportRequest
        {
            School = school,
            Kind = SupportRequestKind.FirstAid,
            Subject = "Vraag over een protocol medisch handelen",
            Status = SupportRequestStatus.Done,
            Version = 3,
            Description = "Hebben jullie een voorbeeld van een protocol medisch handelen dat past bij de afspraken van het samenwerkingsverband?",
            DomainKey = "fysiek-medisch",
            AspectKey = "beleid",
            AskedByName = ib.DisplayName,
            AskedAt = now.AddDays(-40),
            ClosedAt = now.AddDays(-35),
            Messages = [new SupportRequestMessage { At = now.AddDays(-36), AuthorId = consultant.Id, AuthorName = consultant.DisplayName, Text = "Het voorbeeldprotocol staat op de site van het samenwerkingsverband; ik heb het voor u klaargezet bij de documenten." }],
        };
        var waiting = new SupportRequest
        {
            School = other,
            Kind = SupportRequestKind.JointTraining,
            Subject = "Scholing over gedrag in de onderbouw",
            Status = SupportRequestStatus.New,
            Version = 1,
            Description = "Meerdere leerkrachten in de onderbouw lopen vast bij gedrag in de groep. Is er scholing die we samen met andere scholen kunnen volgen?",
            DomainKey = "sociaal-emotioneel-gedrag",
            AspectKey = "expertise",
            AskedByName = ib2.DisplayName,
            AskedAt = now.AddDays(-20),
        };
        db.SupportRequests.AddRange(askedNew, inProgress, done, waiting);

        // Connections: 12AB00 learns from Het Palet (accepted); Sint Maarten asks 12AB00 (waiting for its answer).
        db.SchoolConnections.Add(new SchoolConnection
        {
            RequestingSchool = school,
            OfferingSchool = schools["17LM00"],
            DomainKey = "meer-hoogbegaafdheid",
            AspectKey = "expertise",
            Topic = "Meer- en hoogbegaafdheid – Expertise",
            Message = "De Regenboog wil leerkrachten leren verrijken in de klas. Het Palet werkt daar al jaren mee: mogen zij bij jullie komen kijken en een keer sparren?",
            RequesterContact = $"{ib.DisplayName}, {ib.Email}, {school.Phone}",
            OfferingContact = "Petra Jansen (specialist hoogbegaafdheid), petra@hetpalet.example, 030 691 23 45",
            Status = ConnectionStatus.Accepted,
            ProposedByName = consultant.DisplayName,
            ProposedAt = now.AddDays(-18),
            RespondedByName = "Petra Jansen",
            RespondedAt = now.AddDays(-16),
            Version = 2,
        });
        db.SchoolConnections.Add(new SchoolConnection
        {
            RequestingSchool = schools["16JK00"],
            OfferingSchool = school,
            DomainKey = "taal-lezen",
            AspectKey = "aanbod",
            Topic = "Taal en lezen – Aanbod",
            Message = "Sint Maarten zoekt een school met een sterke leesinterventie. De Regenboog heeft er goede ervaringen mee: willen jullie je aanpak een keer laten zien?",
            RequesterContact = "Karin Smit (IB-er), karin@sintmaarten.example, 0343 41 23 45",
            Status = ConnectionStatus.Proposed,
            ProposedByName = regionConsultant.DisplayName,
            ProposedAt = now.AddDays(-2),
            Version = 1,
        });

        // Signals (oren en ogen).
        var zeist = schools.Values.Where(s => s.City == "ZEIST").OrderBy(s => s.LocationCode).ToList();
        var heuvelrug = schools.Values.Where(s => s.Municipality is "UTRECHTSE HEUVELRUG" or "WIJK BIJ DUURSTEDE").OrderBy(s => s.LocationCode).ToList();
        db.NeedSignals.AddRange(
            new NeedSignal
            {
                Date = today.AddDays(-15),
                Theme = "Gedrag in de onderbouw",
                DomainKey = "sociaal-emotioneel-gedrag",
                AspectKey = "expertise",
                AuthorId = regionConsultant.Id,
                AuthorName = regionConsultant.DisplayName,
                Note = "In gesprekken met IB-ers komt steeds terug dat leerkrachten in groep 1-3 handelingsverlegen zijn bij gedrag. Past bij gezamenlijke scholing.",
                Schools = [.. heuvelrug.Take(4)],
            },
            new NeedSignal
            {
                Date = today.AddDays(-8),
                Theme = "Plusaanbod ontbreekt",
                DomainKey = "meer-hoogbegaafdheid",
                AspectKey = "aanbod",
                AuthorId = consultant.Id,
                AuthorName = consultant.DisplayName,
                Note = "Veel scholen hebben geen plusgroep of verrijkingsaanbod; ouders vragen ernaar bij de aanmelding.",
                Schools = [.. zeist.Take(4)],
            },
            new NeedSignal
            {
                Date = today.AddDays(-4),
                Theme = "Warme overdracht met de kinderopvang",
                AuthorId = consultant.Id,
                AuthorName = consultant.DisplayName,
                Note = "Scholen missen een vaste afspraak over de overdracht van peuteropvang naar groep 1.",
                Schools = [school, schools["13CD00"]],
            });

        // A joint training for the shared need, with registrations.
        var invited = zeist.Take(4).Append(schools["13CD00"]).Distinct().ToList();
        var training = new JointTraining
        {
            Title = "Verrijken in de klas: meer- en hoogbegaafdheid",
            Theme = "Meer- en hoogbegaafdheid – Aanbod",
            DomainKey = "meer-hoogbegaafdheid",
            AspectKey = "aanbod",
            Description = "Twee middagen voor leerkrachten en IB-ers: signaleren, compacten en verrijken, met voorbeelden van scholen die het al doen.",
            Location = "Daltonschool Het Palet, Zeist",
            FirstDate = today.AddDays(45),
            SecondDate = today.AddDays(73),
        };
        foreach (var (s, i) in invited.Select((s, i) => (s, i)))
        {
            training.Invitations.Add(new JointTrainingInvitation
            {
                School = s,
                InvitedAt = now.AddDays(-5),
                Version = i < 3 ? 2 : 1,
                Interested = i switch { 0 => true, 1 => true, 2 => false, _ => null },
                Participants = i switch { 0 => 3, 1 => 2, _ => null },
                Note = i == 2 ? "Dit jaar niet; we doen mee met een traject van het bestuur." : null,
                RespondedByName = i < 3 ? (s.Id == school.Id ? ib.DisplayName : "IB-er") : null,
                RespondedAt = i < 3 ? now.AddDays(-3) : null,
            });
        }

        db.JointTrainings.Add(training);

        // Phases a consultant set: in development for 12AB00 and three others, implemented for two schools.
        db.ImplementationPhaseSteps.Add(new ImplementationPhaseStep
        {
            School = school,
            Phase = ImplementationPhase.InDevelopment,
            Date = new DateOnly(currentStart, 9, 1),
            SetByName = consultant.DisplayName,
            SetAt = now.AddDays(-80),
            Note = "Ontwikkelpunten staan in het jaarplan; de school werkt eraan met ondersteuning van Team BO.",
        });
        foreach (var code in new[] { "13CD00", "21UV00", "15GH00" })
        {
            db.ImplementationPhaseSteps.Add(new ImplementationPhaseStep { School = schools[code], Phase = ImplementationPhase.InDevelopment, Date = new DateOnly(currentStart, 9, 15), SetByName = consultant.DisplayName, SetAt = now.AddDays(-70) });
        }

        foreach (var code in new[] { "16JK00", "18NP00" })
        {
            db.ImplementationPhaseSteps.Add(new ImplementationPhaseStep
            {
                School = schools[code],
                Phase = ImplementationPhase.Implemented,
                Date = today.AddDays(-30),
                SetByName = code == "16JK00" ? regionConsultant.DisplayName : consultant.DisplayName,
                SetAt = now.AddDays(-30),
                Note = "Evaluatie: de basisondersteuning is volledig ingevoerd.",
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static ConversationParticipant Participant(AppUser user) =>
        new() { UserId = user.Id, Name = user.DisplayName, Role = user.IsDirector ? "Directeur" : "Medewerker van de school" };
}
