"""Our own short news texts for the tracing tests: one story told by two outlets, and page furniture."""

BRIDGE_STORY = """Millbrook council votes to close the old river bridge

The Millbrook town council voted six to three on Tuesday night to close the old river bridge to all vehicles from next month, after engineers found deep cracks in two of its three stone piers.
Mayor Helen Okafor said the decision was painful but unavoidable. "We cannot ask families to drive over a bridge our own engineers no longer trust," she told the packed council chamber.
Shop owners on the east bank warned that the closure would cut them off from most of their customers. The detour through the northern ring road adds about twenty minutes to a trip into the centre.
The council set aside four million for a temporary steel crossing, which the public works department expects to open before the winter floods. A design competition for a permanent replacement will be announced in the spring.
Residents can comment on the detour plan at the library until the end of the month."""

# The same story, republished by another outlet with its own furniture around it.
BRIDGE_STORY_SYNDICATED = """By Staff Reporter | Valley Wire
Published 14 March 2026 08:15
Share on Facebook | Twitter | Email
Millbrook council votes to close the old river bridge

The Millbrook town council voted six to three on Tuesday night to close the old river bridge to all vehicles from next month, after engineers found deep cracks in two of its three stone piers.
Advertisement
Mayor Helen Okafor said the decision was painful but unavoidable. "We cannot ask families to drive over a bridge our own engineers no longer trust," she told the packed council chamber.
Shop owners on the east bank warned that the closure would cut them off from most of their customers. The detour through the northern ring road adds about twenty minutes to a trip into the centre.
Related: Flood defences to be reviewed after record rainfall
The council set aside four million for a temporary steel crossing, which the public works department expects to open before the winter floods. A design competition for a permanent replacement will be announced in the spring.
Residents can comment on the detour plan at the library until the end of the month.
Copyright 2026 Valley Wire. All rights reserved.
Sign up for our morning newsletter"""

# The same event, reported on its own by a second outlet: same facts, its own sentences.
BRIDGE_STORY_OTHER_REPORT = """Bridge shut as council sides with engineers

Drivers in Millbrook will have to find another way across the river: councillors decided on Tuesday, by six votes to three, that the crumbling old bridge must close to traffic next month.
An inspection in February found cracks running through two of the three piers, according to the public works department, which had urged the council to act before the spring thaw.
Traders on the east side of the river are angry. Petra Lindqvist, who runs a bakery near the bridge, said half her customers come over it every morning and that the council had offered them nothing.
Mayor Helen Okafor defended the vote. "We cannot ask families to drive over a bridge our own engineers no longer trust," she said after the meeting.
A temporary crossing made of steel is planned for the autumn, and the town will invite designs for a new bridge next year."""
