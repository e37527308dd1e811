namespace CpWebSocket.Generators.Model;

/// <summary>
/// The serializer settings a client declares, for a client serialized by reflection; <see langword="null"/> in the
/// model when they are the web defaults. Holds only numbers (see <see cref="ClientModel"/>).
/// </summary>
/// <param name="NamingPolicy">The <c>JsonKnownNamingPolicy</c> value.</param>
/// <param name="NumberHandling">The <c>JsonNumberHandling</c> flags.</param>
/// <param name="IgnoreCondition">The <c>JsonIgnoreCondition</c> value.</param>
internal sealed record SerializationModel(int NamingPolicy, int NumberHandling, int IgnoreCondition);
