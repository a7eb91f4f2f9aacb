"""The site profile the generator writes about, and the demo business the sandbox seeds."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["DEMO_PROFILE", "Product", "SiteProfile"]


@dataclass(frozen=True)
class Product:
    """Something the business sells, with a short note a caption can lean on.

    ``physical`` is False for classes, experiences and gift cards: copy about styling,
    caring for or photographing a piece at home only uses physical products.
    """

    name: str
    note: str
    physical: bool = True


@dataclass(frozen=True)
class SiteProfile:
    """A small business as the generator sees it: what it sells, to whom, and how it talks.

    The lists are raw material for copy: ``moments`` are behind-the-scenes scenes ("unloading
    the kiln at dawn"), ``tips`` are ready-to-post pieces of advice, ``offers`` are what a sales
    push may promise, ``topics`` are the themes the business is known for.
    """

    name: str
    tagline: str
    category: str
    place_noun: str
    products: tuple[Product, ...]
    audience: str
    voice: str
    city: str
    website: str
    default_hashtags: tuple[str, ...]
    value_proposition: str
    topics: tuple[str, ...]
    moments: tuple[str, ...]
    tips: tuple[str, ...]
    offers: tuple[str, ...]
    emoji: tuple[str, ...]

    @property
    def vocabulary(self) -> tuple[str, ...]:
        """Every phrase this profile can put into copy, for exclusion tests and topic matching."""
        return (
            *(product.name for product in self.products),
            *self.topics,
            *self.default_hashtags,
            self.city,
            self.category,
        )

    def to_json(self) -> dict[str, Any]:
        """A plain JSON-able dict, for storing the profile beside the site's data."""
        return {
            "name": self.name,
            "tagline": self.tagline,
            "category": self.category,
            "placeNoun": self.place_noun,
            "products": [
                {"name": p.name, "note": p.note, "physical": p.physical} for p in self.products
            ],
            "audience": self.audience,
            "voice": self.voice,
            "city": self.city,
            "website": self.website,
            "defaultHashtags": list(self.default_hashtags),
            "valueProposition": self.value_proposition,
            "topics": list(self.topics),
            "moments": list(self.moments),
            "tips": list(self.tips),
            "offers": list(self.offers),
            "emoji": list(self.emoji),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SiteProfile:
        """The profile :meth:`to_json` wrote."""
        return cls(
            name=data["name"],
            tagline=data["tagline"],
            category=data["category"],
            place_noun=data["placeNoun"],
            products=tuple(
                Product(p["name"], p["note"], p.get("physical", True)) for p in data["products"]
            ),
            audience=data["audience"],
            voice=data["voice"],
            city=data["city"],
            website=data["website"],
            default_hashtags=tuple(data["defaultHashtags"]),
            value_proposition=data["valueProposition"],
            topics=tuple(data["topics"]),
            moments=tuple(data["moments"]),
            tips=tuple(data["tips"]),
            offers=tuple(data["offers"]),
            emoji=tuple(data["emoji"]),
        )


DEMO_PROFILE = SiteProfile(
    name="Emberline Ceramics",
    tagline="Small-batch stoneware, thrown by hand in Asheville",
    category="ceramics studio",
    place_noun="the studio",
    products=(
        Product("Speckled Morning Mug", "a 12 oz stoneware mug in an oatmeal glaze"),
        Product("Sea Glass Bowl Set", "four nesting bowls in a soft green celadon"),
        Product("Ember Dinner Plate", "a matte charcoal plate with a raw clay rim"),
        Product("Bud Vase Trio", "three little vases for a single stem each"),
        Product("Pour-Over Coffee Dripper", "a hand-thrown dripper that fits any mug"),
        Product(
            "Beginner Wheel Course",
            "six Tuesday evenings at the wheel, clay included",
            physical=False,
        ),
        Product("Date Night Throwdown", "a two-hour pottery class for two", physical=False),
        Product("Studio Gift Card", "good for pots, classes and open studio time", physical=False),
    ),
    audience="home cooks, thoughtful gift-givers and beginners curious about the wheel",
    voice="warm, a little playful, hands-on",
    city="Asheville",
    website="emberlineceramics.com",
    default_hashtags=("handmadepottery", "ceramics", "asheville", "stoneware", "shopsmall"),
    value_proposition="everyday stoneware made by hand, one small batch at a time",
    topics=(
        "glaze experiments",
        "wheel throwing",
        "kiln days",
        "handmade tableware",
        "slow mornings",
        "gift ideas",
        "pottery classes",
    ),
    moments=(
        "trimming a fresh batch of mugs on the wheel",
        "unloading the glaze kiln at seven in the morning",
        "mixing a new test glaze in a bucket the size of a toddler",
        "wedging twenty-five pounds of clay before the first class",
        "packing orders in recycled paper and a little handwritten note",
        "pulling handles for forty mugs in one sitting",
        "sorting through the test tiles wall to pick next season's colours",
    ),
    tips=(
        "Warm your mug with hot water for ten seconds before you pour: coffee stays hot longer",
        "Stoneware goes in the dishwasher, but hand-washing keeps a matte glaze looking new",
        "Never move a cold plate straight into a hot oven; let it warm up with the oven",
        "A bud vase needs only an inch of water and one interesting stem",
        "On the wheel, keep your elbows tucked against your knees: steady arms, centred clay",
        "Stack bowls with a paper towel between them to protect the rims",
        "Mix matte and glossy pieces on one table; the contrast makes both look better",
    ),
    offers=(
        "free local pickup in Asheville",
        "10% off your first class with the code FIRSTSPIN",
        "free gift wrapping on every order this week",
        "a free bud vase with any bowl set",
    ),
    emoji=("☕", "🏺", "🔥", "🌿", "✨", "🤍"),
)
"""The demo site: a ceramics studio with shop, classes and plenty to show."""
