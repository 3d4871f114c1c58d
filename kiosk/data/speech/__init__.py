"""Read-aloud without Qt: which language a text is in, how Russian is spelt out for a voice, which voice to take.

The Qt side (kiosk/ui/services/speech.py) owns the engine; everything here is plain Python and unit-tested.
"""
