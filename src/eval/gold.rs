//! The gold file: what a careful reader finds in an article (format in `tests/articles/README.md`).

use serde::{Deserialize, Deserializer};

use super::EvalError;

/// The gold annotations of one article, as read from its `NAME.gold.json` file.
///
/// Every top-level field is required (an article without quantities says `"quantities": []`),
/// and unknown fields are rejected, so a misspelt field name is an error rather than a
/// silently empty list.
///
/// ```
/// use newsgraph::eval::{EntityType, Gold};
///
/// let gold = Gold::from_json(r#"{
///     "article": "a.txt",
///     "entities": [{"name": "Dmitry Peskov", "type": "Person", "aliases": ["Peskov"]}],
///     "relations": [{"subject": "event:Ruling", "predicate": "date", "object": "2017-04-13"}],
///     "dates": [{"text": "yesterday", "value": "2017-04-13"}],
///     "quantities": [{"text": "over 330 people", "min": 330}]
/// }"#)?;
/// assert_eq!(gold.entities[0].kind, EntityType::Person);
/// assert_eq!(gold.quantities[0].min, Some(330.0));
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gold {
    /// The article file, relative to the gold file's folder.
    pub article: String,
    /// Every entity and named event the article names.
    pub entities: Vec<GoldEntity>,
    /// Facts between entities, events and literals.
    pub relations: Vec<GoldRelation>,
    /// Every date or time expression with its normalised value.
    pub dates: Vec<GoldDate>,
    /// Every count or amount.
    pub quantities: Vec<GoldQuantity>,
}

/// The type of a gold entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[non_exhaustive]
pub enum EntityType {
    /// A person.
    Person,
    /// An organisation: company, court, party, government body, armed or security force.
    Organization,
    /// A country, region, city or other place.
    Place,
    /// A building or site.
    Facility,
    /// A treaty, law, charter, or an article of one.
    LegalInstrument,
    /// A named event.
    Event,
    /// A group of people named by a common noun ("militants", "more than 400 Russians").
    Group,
}

impl EntityType {
    /// The name as written in gold files (`Person`, `LegalInstrument`).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            EntityType::Person => "Person",
            EntityType::Organization => "Organization",
            EntityType::Place => "Place",
            EntityType::Facility => "Facility",
            EntityType::LegalInstrument => "LegalInstrument",
            EntityType::Event => "Event",
            EntityType::Group => "Group",
        }
    }
}

/// A gold entity: its name, type and the other names the article uses for it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldEntity {
    /// The fullest name the article gives.
    pub name: String,
    /// Its type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Other names for it in the article ("Peskov").
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A gold fact: `subject predicate object`, the predicate as an ontology local name.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldRelation {
    /// An entity name or alias, or `event:Class`.
    pub subject: String,
    /// The predicate's local name (`agent`, `worksFor`).
    pub predicate: String,
    /// An entity name or alias, `event:Class`, or a literal's lexical form (`2017-04-13`,
    /// `P3D`, `spokesman`, `334`); a JSON number is read as its lexical form.
    #[serde(deserialize_with = "string_or_number")]
    pub object: String,
}

/// A gold date: the expression as written and its normalised value.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldDate {
    /// The expression as written ("yesterday").
    pub text: String,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub value: String,
}

/// A gold quantity: an exact value, or bounds.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldQuantity {
    /// The expression as written ("over 330 people").
    pub text: String,
    /// The exact number, if the article gives one.
    #[serde(default)]
    pub value: Option<f64>,
    /// The lower bound ("at least", "more than").
    #[serde(default)]
    pub min: Option<f64>,
    /// The upper bound ("up to", "nearly").
    #[serde(default)]
    pub max: Option<f64>,
}

impl Gold {
    /// Reads and checks a gold file's JSON.
    ///
    /// # Errors
    /// [`EvalError::Gold`] naming the field: a missing or unknown field, an unknown entity
    /// type, a date value that is not `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, a quantity with none of
    /// `value`, `min` and `max`, a blank name, subject or predicate.
    pub fn from_json(json: &str) -> Result<Gold, EvalError> {
        let gold: Gold = serde_json::from_str(json).map_err(EvalError::gold)?;
        gold.check()?;
        Ok(gold)
    }

    fn check(&self) -> Result<(), EvalError> {
        if self.article.trim().is_empty() {
            return Err(EvalError::gold("`article` is empty"));
        }
        for (index, entity) in self.entities.iter().enumerate() {
            if entity.name.trim().is_empty() {
                return Err(EvalError::gold(format!("entities[{index}]: `name` is empty")));
            }
        }
        for (index, relation) in self.relations.iter().enumerate() {
            for (field, value) in [
                ("subject", &relation.subject),
                ("predicate", &relation.predicate),
                ("object", &relation.object),
            ] {
                if value.trim().is_empty() || value.trim() == "event:" {
                    return Err(EvalError::gold(format!("relations[{index}]: `{field}` is empty")));
                }
            }
        }
        for (index, date) in self.dates.iter().enumerate() {
            if !is_date_value(&date.value) {
                return Err(EvalError::gold(format!(
                    "dates[{index}] ({:?}): `value` {:?} is not YYYY-MM-DD, YYYY-MM or YYYY",
                    date.text, date.value
                )));
            }
        }
        for (index, quantity) in self.quantities.iter().enumerate() {
            if quantity.value.is_none() && quantity.min.is_none() && quantity.max.is_none() {
                return Err(EvalError::gold(format!(
                    "quantities[{index}] ({:?}): needs `value`, `min` or `max`",
                    quantity.text
                )));
            }
        }
        Ok(())
    }
}

/// Whether a string is `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (digits in the right places).
fn is_date_value(value: &str) -> bool {
    let parts: Vec<&str> = value.split('-').collect();
    let widths: &[usize] = match parts.len() {
        1 => &[4],
        2 => &[4, 2],
        3 => &[4, 2, 2],
        _ => return false,
    };
    parts
        .iter()
        .zip(widths)
        .all(|(part, &width)| part.len() == width && part.bytes().all(|byte| byte.is_ascii_digit()))
}

/// Reads a JSON string, or a JSON number as its lexical form.
fn string_or_number<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Lexical {
        Text(String),
        Number(serde_json::Number),
    }
    Ok(match Lexical::deserialize(deserializer)? {
        Lexical::Text(text) => text,
        Lexical::Number(number) => number.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::is_date_value;

    #[test]
    fn date_values() {
        let cases = [
            ("2017-04-13", true),
            ("2017-04", true),
            ("2017", true),
            ("17-04-13", false),
            ("2017-4-13", false),
            ("yesterday", false),
            ("", false),
            ("2017-04-13-01", false),
        ];
        for (value, expected) in cases {
            assert_eq!(is_date_value(value), expected, "{value:?}");
        }
    }
}
