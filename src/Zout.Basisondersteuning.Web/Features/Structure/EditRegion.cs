using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Administration;
using Zout.Basisondersteuning.Web.Infrastructure.Auditing;
using Zout.Basisondersteuning.Web.Infrastructure.Results;

namespace Zout.Basisondersteuning.Web.Features.Structure;

/// <summary>Create or edit a region (team passend onderwijs, wijk, kring); deactivate instead of delete.</summary>
public static class EditRegion
{
    public sealed class Input
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
        public bool IsActive { get; set; } = true;

        /// <summary>The version the user started from (UpdatedAt in UTC ticks); 0 for a new region.</summary>
        public long Version { get; set; }
    }

    public sealed record Model(int? Id, Input Input, int SchoolCount);

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(x => x.Name).NotEmpty().WithMessage("Vul de naam van de regio in.")
                .MaximumLength(Region.NameMaxLength).WithMessage($"De naam mag hoogstens {Region.NameMaxLength} tekens lang zijn.");
            RuleFor(x => x.Description).MaximumLength(1000).WithMessage("De omschrijving mag hoogstens 1000 tekens lang zijn.");
        }
    }

    public sealed class Handler(AppDbContext db, AuditLog auditLog)
    {
        public async Task<Model?> GetAsync(int id, CancellationToken cancellationToken) =>
            await db.Regions.AsNoTracking().Where(r => r.Id == id)
                .Select(r => new Model(r.Id, new Input { Name = r.Name, Description = r.Description, IsActive = r.IsActive, Version = r.UpdatedAt.UtcTicks }, r.Schools.Count))
                .SingleOrDefaultAsync(cancellationToken);

        /// <summary>Saves; the result has the region's id, or messages per field, or is a conflict when someone else saved it in between.</summary>
        public async Task<Result> SaveAsync(int? id, Input input, CancellationToken cancellationToken)
        {
            var name = input.Name!.Trim();
            if (await db.Regions.AnyAsync(r => r.Name == name && r.Id != (id ?? 0), cancellationToken))
            {
                return Result.Invalid(nameof(Input.Name), "Er is al een regio met deze naam.");
            }

            Region region;
            if (id is null)
            {
                region = new Region { Name = name };
                db.Regions.Add(region);
            }
            else
            {
                if (await db.Regions.SingleOrDefaultAsync(r => r.Id == id, cancellationToken) is not { } stored) return Result.NotFound();
                region = stored;
                if (region.UpdatedAt.UtcTicks != input.Version) return Result.Conflict(StructureForms.ConflictMessage);
                db.Entry(region).Property(r => r.UpdatedAt).OriginalValue = new DateTimeOffset(input.Version, TimeSpan.Zero);
            }

            region.Name = name;
            region.Description = StructureForms.Clean(input.Description);
            region.IsActive = input.IsActive;
            auditLog.Add(AuditActions.StructureChanged, id is null ? $"Regio {name} aangemaakt." : $"Regio {name} gewijzigd{(input.IsActive ? "" : " (niet actief)")}.", subject: name);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Result.Conflict(StructureForms.ConflictMessage);
            }

            return Result.Ok(region.Id);
        }
    }
}
