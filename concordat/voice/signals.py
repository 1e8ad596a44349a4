from django.dispatch import Signal

# Sent after something of the public's voice becomes public (a question answered, a verdict
# recorded), with `item`.
voice_published = Signal()
