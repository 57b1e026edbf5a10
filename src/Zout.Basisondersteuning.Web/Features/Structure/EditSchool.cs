using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Domain.Administration;
using Zout.Basisondersteuning.Web.Infrastructure.Auditing;
using Zout.Basisondersteuning.Web.Infrastructure.Results;

namespace Zout.Basisondersteuning.Web.Features.Structure;

/// <summary>
/// Create or edit a school location: its data, board, region and SWV contact person. A school is
/// deactivated, never deleted, so its scans and documents stay as history.
/// </summary>
public static class EditSchool
{
    public sealed class Input
    {
        public string? LocationCode { get; set; }
        public string? Name { get; set; }
        public string? Street { get; set; }
        public string? HouseNumber { get; set; }
        public string? PostalCode { get; set; }
        public string? City { get; set; }
        public string? Municipality { get; set; }
        public string? Denomination { get; set; }
        public string? Phone { get; set; }
        public string? Website { get; set; }
        public string? BoardId { get; set; }
        public string? RegionId { get; set; }
        public string? ContactPersonId { get; set; }
        public bool IsActive { get; set; } = true;
        public long Version { get; set; }
    }

    public sealed record Model(
        int? Id, Input Input, IReadOnlyList<SelectListItem> Boards, IReadOnlyList<SelectListItem> Regions, IReadOnlyList<SelectListItem> Consultants);

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(x => x.LocationCode).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Vul de vestigingscode in.")
                .Must(c => School.IsValidLocationCode(School.NormalizeLocationCode(c!)))
                .WithMessage("Een vestigingscode is de BRIN (4 tekens) met 2 cijfers, zoals 12AB00.");
            RuleFor(x => x.Name).NotEmpty().WithMessage("Vul de naam van de school in.")
                .MaximumLength(School.NameMaxLength).WithMessage($"De naam mag hoogstens {School.NameMaxLength} tekens lang zijn.");
            RuleFor(x => x.BoardId).NotEmpty().WithMessage("Kies het bestuur van de school.");
            foreach (var field in new System.Linq.Expressions.Expression<Func<Input, string?>>[] { x => x.Street, x => x.City, x => x.Municipality, x => x.Denomination })
            {
                RuleFor(field).MaximumLength(School.ShortTextMaxLength).WithMessage($"Hoogstens {School.ShortTextMaxLength} tekens.");
            }

            RuleFor(x => x.HouseNumber).MaximumLength(20).WithMessage("Hoogstens 20 tekens.");
            RuleFor(x => x.PostalCode).MaximumLength(10).WithMessage("Hoogstens 10 tekens.");
            RuleFor(x => x.Phone).MaximumLength(30).WithMessage("Hoogstens 30 tekens.");
            RuleFor(x => x.Website).MaximumLength(School.WebsiteMaxLength).WithMessage($"Hoogstens {School.WebsiteMaxLength} tekens.");
        }
    }

    public sealed class Handler(AppDbContext db, AuditLog auditLog)
    {
        public async Task<Model?> GetAsync(int id, CancellationToken cancellationToken)
        {
            var input = await db.Schools.AsNoTracking().Where(s => s.Id == id).Select(s => new Input
            {
                LocationCode = s.LocationCode,
                Name = s.Name,
                Street = s.Street,
                HouseNumber = s.HouseNumber,
                PostalCode = s.PostalCode,
                City = s.City,
                Municipality = s.Municipality,
                Denomination = s.Denomination,
                Phone = s.Phone,
                Website = s.Website,
                BoardId = s.BoardId.ToString(CultureInfo.InvariantCulture),
                RegionId = s.RegionId == null ? null : s.RegionId.Value.ToString(CultureInfo.InvariantCulture),
                ContactPersonId = s.ContactPersonId,
                IsActive = s.IsActive,
                Version = s.UpdatedAt.UtcTicks,
            }).SingleOrDefaultAsync(cancellationToken);
            return input is null ? null : await ModelAsync(id, input, cancellationToken);
        }

        public async Task<Model> ModelAsync(int? id, Input input, CancellationToken cancellationToken) => new(
            id, input,
            await StructureForms.BoardsAsync(db, cancellationToken),
            await StructureForms.RegionsAsync(db, cancellationToken),
            await StructureForms.ConsultantsAsync(db, cancellationToken));

        public async Task<Result> SaveAsync(int? id, Input input, CancellationToken cancellationToken)
        {
            var errors = new List<FieldError>();
            var code = School.NormalizeLocationCode(input.LocationCode!);
            if (await db.Schools.AnyAsync(s => s.LocationCode == code && s.Id != (id ?? 0), cancellationToken))
            {
                errors.Add(new FieldError(nameof(Input.LocationCode), "Er is al een school met deze vestigingscode."));
            }

            var boardId = int.TryParse(input.BoardId, out var b) && await db.Boards.AnyAsync(x => x.Id == b, cancellationToken) ? b : (int?)null;
            if (boardId is null) errors.Add(new FieldError(nameof(Input.BoardId), "Kies een bestaand bestuur."));
            int? regionId = null;
            if (!string.IsNullOrEmpty(input.RegionId))
            {
                regionId = int.TryParse(input.RegionId, out var r) && await db.Regions.AnyAsync(x => x.Id == r, cancellationToken) ? r : null;
                if (regionId is null) errors.Add(new FieldError(nameof(Input.RegionId), "Kies een bestaande regio."));
            }

            var contactId = StructureForms.Clean(input.ContactPersonId);
            if (contactId is not null && !await db.Users.AnyAsync(u => u.Id == contactId && u.Role == UserRole.Consultant, cancellationToken))
            {
                errors.Add(new FieldError(nameof(Input.ContactPersonId), "Kies een consultant van het samenwerkingsverband."));
            }

            if (errors.Count > 0) return Result.Invalid(errors);

            School school;
            if (id is null)
            {
                school = new School { LocationCode = code, Brin = code[..School.BrinLength], Name = input.Name!.Trim() };
                db.Schools.Add(school);
            }
            else
            {
                if (await db.Schools.SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is not { } stored) return Result.NotFound();
                school = stored;
                if (school.UpdatedAt.UtcTicks != input.Version) return Result.Conflict(StructureForms.ConflictMessage);
                db.Entry(school).Property(s => s.UpdatedAt).OriginalValue = new DateTimeOffset(input.Version, TimeSpan.Zero);
            }

            school.LocationCode = code;
            school.Brin = code[..School.BrinLength];
            school.Name = input.Name!.Trim();
            school.Street = StructureForms.Clean(input.Street);
            school.HouseNumber = StructureForms.Clean(input.HouseNumber);
            school.PostalCode = StructureForms.Clean(input.PostalCode)?.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
            school.City = StructureForms.Clean(input.City);
            school.Municipality = StructureForms.Clean(input.Municipality);
            school.Denomination = StructureForms.Clean(input.Denomination);
            school.Phone = StructureForms.Clean(input.Phone);
            school.Website = StructureForms.Clean(input.Website);
            school.BoardId = boardId!.Value;
            school.RegionId = regionId;
            school.ContactPersonId = contactId;
            school.IsActive = input.IsActive;
            auditLog.Add(AuditActions.StructureChanged,
                id is null ? $"School {school.Name} ({code}) aangemaakt." : $"School {school.Name} ({code}) gewijzigd{(input.IsActive ? "" : " (niet actief)")}.", subject: code);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Result.Conflict(StructureForms.ConflictMessage);
            }

            return Result.Ok(school.Id);
        }
    }
}
